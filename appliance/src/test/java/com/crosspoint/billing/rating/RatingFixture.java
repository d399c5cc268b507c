package com.crosspoint.billing.rating;

import com.crosspoint.acr.rate.DeckErrors;
import com.crosspoint.acr.rate.PrefixRateTable;
import com.crosspoint.acr.rate.PrefixRateTableBuilder;
import com.crosspoint.model.BillableCall;
import com.crosspoint.model.BillingIncrement;
import com.crosspoint.model.Money;
import com.crosspoint.model.RatePlan;
import com.crosspoint.model.RateRow;
import com.crosspoint.model.RetailRate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The fixed deck and plan of the acceptance table: increments 60/60, 30/6 and 1/1, a connection fee, a
 * minimum, a price change at midnight in Berlin and nested prefixes.
 */
public final class RatingFixture {
    public static final long TENANT = 7;
    public static final long USER = 70;
    public static final long CARRIER = 3;
    public static final long PLAN = 1;
    public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    public static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);

    private RatingFixture() {
    }

    public static long micros(String decimal) {
        return Money.parse(decimal, "EUR").micros();
    }

    public static RetailRate rate(String prefix, String perMinute, String fee, String minimum, int first, int next,
                                  LocalDate from, LocalDate until) {
        return new RetailRate(0, PLAN, prefix, "", micros(perMinute), micros(fee), micros(minimum), first, next,
                from, until);
    }

    public static List<RetailRate> retailRates() {
        LocalDate always = LocalDate.of(2020, 1, 1);
        return List.of(
                rate("44", "0.10", "0", "0", 60, 60, always, null),
                rate("447", "0.30", "0.05", "0", 30, 6, always, null),
                rate("44791", "0.50", "0", "0", 1, 1, always, null),
                rate("33", "0.12", "0", "0.02", 1, 1, always, null),
                rate("49", "0.06", "0", "0", 60, 60, always, MARCH_1),
                rate("49", "0.04", "0", "0", 60, 60, MARCH_1, null),
                rate("999", "0.00003", "0", "0", 1, 1, always, null));
    }

    public static RetailPlans plans() {
        RatePlan plan = new RatePlan(PLAN, TENANT, "Retail", "EUR", BERLIN);
        return new RetailPlans(Map.of(PLAN, new PricedPlan(plan, RetailRateTable.of(retailRates()))),
                Map.of(TENANT, PLAN), Map.of());
    }

    /** The carrier's deck: 44 at 0.05 (60/60), 447 at 0.20 (1/1). */
    public static CarrierDecks decks() {
        PrefixRateTableBuilder builder = new PrefixRateTableBuilder();
        LocalDate always = LocalDate.of(2020, 1, 1);
        builder.add(1, new RateRow("44", "UK", micros("0.05"), BillingIncrement.PER_MINUTE, always, null));
        builder.add(2, new RateRow("447", "UK mobile", micros("0.20"), BillingIncrement.PER_SECOND, always, null));
        PrefixRateTable table = builder.build(new DeckErrors(DeckErrors.DEFAULT_CAP)).orElseThrow();
        CarrierDecks decks = new CarrierDecks();
        decks.replace(CARRIER, table);
        return decks;
    }

    public static Rater rater() {
        RetailPlans plans = plans();
        return new Rater(() -> plans, decks(), "EUR");
    }

    /** An answered call of {@code talkMillis} to {@code destination}, started at {@code start}. */
    public static BillableCall call(long cdrId, String destination, Instant start, long talkMillis) {
        Instant answered = start.plusSeconds(5);
        return new BillableCall(cdrId, "call-" + cdrId, TENANT, USER, destination, CARRIER, start, answered,
                answered.plusMillis(talkMillis), null);
    }
}
