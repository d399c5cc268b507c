package com.crosspoint.billing.rating;

import com.crosspoint.model.RatePlan;
import com.crosspoint.model.RetailRate;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** A retail plan with its rates ready for look-up. */
public record PricedPlan(RatePlan plan, RetailRateTable rates) {
    public PricedPlan {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(rates, "rates");
    }

    /**
     * The rate for a call to {@code destination} that started at {@code start}: the day is the start's date in the
     * plan's time zone, so a rate effective from 1 March applies from 00:00:00.000 there, and the rate of a call's
     * start applies to the whole call, however long it lasts past midnight.
     */
    public RetailRate rateFor(String destination, Instant start) {
        return rates.find(destination, dayOf(start));
    }

    public LocalDate dayOf(Instant start) {
        return LocalDate.ofInstant(start, plan.timeZone());
    }
}
