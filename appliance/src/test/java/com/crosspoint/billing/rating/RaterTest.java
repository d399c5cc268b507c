package com.crosspoint.billing.rating;

import static com.crosspoint.billing.rating.RatingFixture.call;
import static com.crosspoint.billing.rating.RatingFixture.micros;
import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.model.BillableCall;
import com.crosspoint.model.Money;
import com.crosspoint.model.RatedCall;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The acceptance table: every figure worked out by hand from {@link RatingFixture}. */
class RaterTest {
    private static final Instant NOON = Instant.parse("2026-02-10T11:00:00Z");
    private final Rater rater = RatingFixture.rater();

    @ParameterizedTest(name = "{0}: {1} ms to {2} -> {3} s billed, price {4} (rate {5})")
    @CsvSource({
            // 44: 0.10/min, 60/60
            "'60/60, exactly one minute',    60000, 442071234567, 60,  0.10,     44",
            "'60/60, a second into the next', 60001, 442071234567, 120, 0.20,     44",
            "'60/60, one second',            1000,  442071234567, 60,  0.10,     44",
            // 447: 0.30/min, 30/6, connection fee 0.05
            "'30/6, under the first',        10000, 447700900123, 30,  0.20,     447",
            "'30/6, 31 s is 36',             31000, 447700900123, 36,  0.23,     447",
            "'30/6, 36 s is 36',             36000, 447700900123, 36,  0.23,     447",
            "'30/6, 37 s is 42',             37000, 447700900123, 42,  0.26,     447",
            // 44791: 0.50/min, 1/1, the longest prefix wins over 447 and 44
            "'1/1, longest prefix',          7000,  447911123456, 7,   0.058333, 44791",
            "'1/1, a started second counts', 6001,  447911123456, 7,   0.058333, 44791",
            // 33: 0.12/min, 1/1, minimum 0.02
            "'minimum charge',               5000,  33612345678,  5,   0.02,     33",
            "'above the minimum',            20000, 33612345678,  20,  0.04,     33",
            // 999: 0.00003/min, 1/1: 0.5 micro-units rounds half up
            "'half a micro-unit rounds up',  1000,  9991234,      1,   0.000001, 999",
            "'answered, 0 s: minimum',       0,     33612345678,  0,   0.02,     33",
    })
    void ratedCallsMatchTheHandComputedTable(String name, long talkMillis, String number, long billed, String price,
                                             String prefix) {
        RatedCall rated = rater.rate(call(1, number, NOON, talkMillis));

        assertThat(rated.billedSeconds()).as(name).isEqualTo(billed);
        assertThat(rated.price()).as(name).isEqualTo(new Money(micros(price), "EUR"));
        assertThat(rated.sellPrefix()).as(name).isEqualTo(prefix);
    }

    @Test
    void thePriceChangesAtMidnightInThePlansTimeZoneNotInUtc() {
        // 23:59:59.999 in Berlin on 28 February is 22:59:59.999 UTC; 00:00 on 1 March is 23:00 UTC on 28 February
        Instant lastOldMillisecond = Instant.parse("2026-02-28T22:59:59.999Z");
        Instant midnight = Instant.parse("2026-02-28T23:00:00Z");

        RatedCall before = rater.rate(call(1, "4930123456", lastOldMillisecond, 90_000));
        RatedCall after = rater.rate(call(2, "4930123456", midnight, 90_000));

        assertThat(before.price()).isEqualTo(new Money(micros("0.12"), "EUR"));
        assertThat(after.price()).isEqualTo(new Money(micros("0.08"), "EUR"));
    }

    @Test
    void theRateOfTheStartAppliesToACallRunningPastMidnight() {
        Instant beforeMidnight = Instant.parse("2026-02-28T22:59:00Z");

        RatedCall rated = rater.rate(call(1, "4930123456", beforeMidnight, 10 * 60_000));

        assertThat(rated.price()).isEqualTo(new Money(micros("0.60"), "EUR"));
    }

    @Test
    void costComesFromTheCarriersDeckAndMarginIsTheDifference() {
        // deck 447: 0.20/min 1/1, 31 s = 0.103333...; retail 0.23
        RatedCall rated = rater.rate(call(1, "447700900123", NOON, 31_000));

        assertThat(rated.cost()).isEqualTo(new Money(micros("0.103333"), "EUR"));
        assertThat(rated.buyPrefix()).isEqualTo("447");
        assertThat(rated.margin()).isEqualTo(new Money(micros("0.126667"), "EUR"));
    }

    @Test
    void theCarriersOwnIncrementsApplyToTheCost() {
        // deck 44: 0.05/min 60/60, 61 s is billed 120 s
        RatedCall rated = rater.rate(call(1, "442071234567", NOON, 61_000));

        assertThat(rated.cost()).isEqualTo(new Money(micros("0.10"), "EUR"));
        assertThat(rated.margin()).isEqualTo(new Money(micros("0.10"), "EUR"));
    }

    @Test
    void anUnansweredCallCostsAndPaysNothing() {
        BillableCall unanswered = new BillableCall(1, "c", RatingFixture.TENANT, RatingFixture.USER, "447700900123",
                RatingFixture.CARRIER, NOON, null, NOON.plusSeconds(20), null);

        RatedCall rated = rater.rate(unanswered);

        assertThat(rated.price().isZero()).isTrue();
        assertThat(rated.cost()).isEqualTo(Money.zero("EUR"));
        assertThat(rated.billedSeconds()).isZero();
    }

    @Test
    void withoutACarrierOrADeckRateTheCostIsUnknown() {
        BillableCall noCarrier = new BillableCall(1, "c", RatingFixture.TENANT, RatingFixture.USER, "447700900123",
                null, NOON, NOON, NOON.plusSeconds(20), null);

        assertThat(rater.rate(noCarrier).cost()).isNull();
        assertThat(rater.rate(noCarrier).margin()).isNull();
        assertThat(rater.rate(call(1, "33612345678", NOON, 20_000)).cost()).isNull();
    }

    @Test
    void aNumberWithoutARetailRateIsPricedZeroAndSaysSo() {
        RatedCall rated = rater.rate(call(1, "81312345678", NOON, 20_000));

        assertThat(rated.sellPrefix()).isNull();
        assertThat(rated.price().isZero()).isTrue();
    }

    @Test
    void aUsersPlanOverridesTheTenants() {
        RetailPlans tenantOnly = RatingFixture.plans();
        PricedPlan cheap = new PricedPlan(new com.crosspoint.model.RatePlan(2, RatingFixture.TENANT, "Staff", "EUR",
                RatingFixture.BERLIN), RetailRateTable.of(java.util.List.of(
                RatingFixture.rate("44", "0.01", "0", "0", 1, 1, LocalDate.of(2020, 1, 1), null))));
        RetailPlans withOverride = new RetailPlans(Map.of(1L, tenantOnly.plan(1).orElseThrow(), 2L, cheap),
                Map.of(RatingFixture.TENANT, 1L),
                Map.of(new RetailPlans.UserKey(RatingFixture.TENANT, RatingFixture.USER), 2L));
        Rater overridden = new Rater(() -> withOverride, RatingFixture.decks(), "EUR");

        assertThat(overridden.rate(call(1, "442071234567", NOON, 60_000)).price())
                .isEqualTo(new Money(micros("0.01"), "EUR"));
        BillableCall otherUser = new BillableCall(2, "c2", RatingFixture.TENANT, 71L, "442071234567", null, NOON,
                NOON, NOON.plusSeconds(60), null);
        assertThat(overridden.rate(otherUser).price()).isEqualTo(new Money(micros("0.10"), "EUR"));
    }
}
