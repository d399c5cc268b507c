package com.crosspoint.billing.rating;

import com.crosspoint.model.Money;
import com.crosspoint.model.RetailRate;

/**
 * How long a call may last on a budget: the most seconds on the rate's increment grid (first, first + next, ...)
 * whose price ({@link Charges#priceOfBilled}) fits. Computed, not searched: a constant number of steps whatever the
 * budget.
 */
public final class Allowance {
    private Allowance() {
    }

    /**
     * @param budgetMicros what may be spent (negative counts as nothing)
     * @param capSeconds   the longest allowance ever given, at least 1
     * @return seconds on the grid, at most {@code max(capSeconds, first)}; 0 when even the first increment costs more
     */
    public static long seconds(RetailRate rate, long budgetMicros, long capSeconds) {
        if (capSeconds < 1) {
            throw new IllegalArgumentException("cap must be at least 1 s: " + capSeconds);
        }
        long budget = Math.min(budgetMicros, Money.MAX_MICROS);
        int first = rate.firstIncrement();
        int next = rate.nextIncrement();
        if (budget < Charges.priceOfBilled(rate, first)) {
            return 0;
        }
        long limit = capSeconds;
        long perMinute = rate.pricePerMinuteMicros();
        if (perMinute > 0) {
            // usage(s) = floor((perMinute * s + 30) / 60) <= budget - fee  <=>  perMinute * s <= 60 * usable + 29
            long usable = budget - rate.connectionFeeMicros();
            limit = Math.min(limit, (60 * usable + 29) / perMinute);
        }
        if (limit <= first) {
            return first;
        }
        return first + (limit - first) / next * next;
    }
}
