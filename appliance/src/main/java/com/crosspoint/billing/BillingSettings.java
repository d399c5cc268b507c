package com.crosspoint.billing;

import com.crosspoint.model.Money;
import java.time.Duration;
import java.util.Objects;

/**
 * @param deckCurrency          the currency of every carrier deck (the router compares their rates as they are)
 * @param maxReservationSeconds the longest allowance one call is given however rich the account: a cap on runaway
 *                              calls and on how much one call can hold of shared funds
 * @param sweepInterval         how often the rating pipeline looks for unrated CDRs without being woken
 */
public record BillingSettings(String deckCurrency, long maxReservationSeconds, Duration sweepInterval) {
    public static final BillingSettings DEFAULT = new BillingSettings("EUR", 4 * 3600, Duration.ofSeconds(5));

    public BillingSettings {
        Money.checkCurrency(deckCurrency, "deckCurrency");
        if (maxReservationSeconds < 60) {
            throw new IllegalArgumentException("maxReservationSeconds must be at least 60: " + maxReservationSeconds);
        }
        Objects.requireNonNull(sweepInterval, "sweepInterval");
    }
}
