package com.crosspoint.billing;

import static com.crosspoint.billing.BillingEngine.micros;
import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.acr.rate.DeckErrors;
import com.crosspoint.acr.rate.PrefixRateTableBuilder;
import com.crosspoint.billing.rating.RatingFixture;
import com.crosspoint.model.BillingIncrement;
import com.crosspoint.model.CallRecord;
import com.crosspoint.model.LedgerEntry;
import com.crosspoint.model.Money;
import com.crosspoint.model.RateRow;
import com.crosspoint.model.RetailRate;
import com.crosspoint.model.Reservation;
import com.crosspoint.store.LedgerStore.Period;
import com.crosspoint.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RerateTest {
    private static final Instant START = Instant.parse("2026-02-10T11:00:00Z");

    @RegisterExtension
    static final BillingDatabase DATABASE = new BillingDatabase();

    private final MutableClock clock = new MutableClock(START);
    private BillingEngine billing;
    private long tenant;
    private final List<CallRecord> cdrs = new ArrayList<>();

    @BeforeEach
    void threeRatedCalls() {
        billing = new BillingEngine(DATABASE.stores(), clock, new BillingSettings("EUR", 600, Duration.ofSeconds(5)));
        tenant = billing.prepaid("100");
        for (int i = 0; i < 3; i++) {
            Reservation r = billing.grant(billing.start(tenant, null, "442071234567"));
            billing.authoriser.carriedBy(r.callId(), RatingFixture.CARRIER);
            cdrs.add(billing.end(r, Duration.ofSeconds(61)));
            clock.advance(Duration.ofMinutes(1));
        }
        billing.pipeline.sweep();
    }

    private Period period() {
        return new Period(tenant, START, START.plus(Duration.ofHours(1)));
    }

    private List<LedgerEntry> reratings() {
        return DATABASE.stores().ledger().entries(tenant, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")).stream()
                .filter(e -> e.kind() == LedgerEntry.Kind.RERATE).toList();
    }

    @Test
    void aCorrectedPlanRefundsTheDifferenceOnceAndTheLedgerBalances() {
        assertThat(billing.accounts.funds(tenant).balanceMicros()).isEqualTo(micros("99.40"));
        long plan = billing.accounts.account(tenant).orElseThrow().planId();
        List<RetailRate> corrected = new ArrayList<>(RatingFixture.retailRates());
        corrected.set(0, RatingFixture.rate("44", "0.08", "0", "0", 60, 60, LocalDate.of(2020, 1, 1), null));
        billing.tariffs.replaceRates(plan, corrected);

        Rerater.Outcome first = billing.rerater.rerate(period(), "alice", "UK price corrected");
        Rerater.Outcome second = billing.rerater.rerate(period(), "alice", "UK price corrected");

        assertThat(first).isEqualTo(new Rerater.Outcome(3, 3, -3 * micros("0.04")));
        assertThat(second).isEqualTo(new Rerater.Outcome(3, 0, 0));
        assertThat(reratings()).hasSize(3).allSatisfy(e -> {
            assertThat(e.amountMicros()).isEqualTo(micros("0.04"));
            assertThat(e.actor()).isEqualTo("alice");
        });
        assertThat(DATABASE.stores().ledger().rating(cdrs.get(0).id()).orElseThrow().price())
                .isEqualTo(new Money(micros("0.16"), "EUR"));
        assertThat(billing.accounts.funds(tenant).balanceMicros()).isEqualTo(micros("99.52"));
        assertThat(billing.accounts.funds(tenant)).isEqualTo(DATABASE.stores().ledger().funds(tenant));
        assertThat(billing.audit.check(tenant).balanced()).isTrue();
    }

    @Test
    void aCorrectedDeckChangesCostAndMarginButChargesNothing() {
        PrefixRateTableBuilder deck = new PrefixRateTableBuilder();
        deck.add(1, new RateRow("44", "UK", micros("0.04"), BillingIncrement.PER_SECOND, LocalDate.of(2020, 1, 1),
                null));
        billing.decks.replace(RatingFixture.CARRIER, deck.build(new DeckErrors(10)).orElseThrow());

        Rerater.Outcome outcome = billing.rerater.rerate(period(), "alice", "deck corrected");

        assertThat(outcome.changed()).isEqualTo(3);
        assertThat(outcome.priceChangeMicros()).isZero();
        assertThat(reratings()).isEmpty();
        // 61 s at 0.04/min by the second: 0.040667; price 0.20
        assertThat(DATABASE.stores().ledger().rating(cdrs.get(1).id()).orElseThrow().margin())
                .isEqualTo(new Money(micros("0.159333"), "EUR"));
        assertThat(billing.rerater.rerate(period(), "alice", "deck corrected").changed()).isZero();
        assertThat(billing.audit.check(tenant).balanced()).isTrue();
    }

    @Test
    void callsOutsideThePeriodAreLeftAlone() {
        long plan = billing.accounts.account(tenant).orElseThrow().planId();
        List<RetailRate> corrected = new ArrayList<>(RatingFixture.retailRates());
        corrected.set(0, RatingFixture.rate("44", "0.08", "0", "0", 60, 60, LocalDate.of(2020, 1, 1), null));
        billing.tariffs.replaceRates(plan, corrected);

        Rerater.Outcome outcome = billing.rerater.rerate(new Period(tenant, START.plusSeconds(60),
                START.plusSeconds(120)), "alice", "one minute only");

        assertThat(outcome.changed()).isEqualTo(1);
        assertThat(DATABASE.stores().ledger().rating(cdrs.get(0).id()).orElseThrow().price())
                .isEqualTo(new Money(micros("0.20"), "EUR"));
    }
}
