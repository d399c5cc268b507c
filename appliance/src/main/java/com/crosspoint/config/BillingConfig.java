package com.crosspoint.config;

import com.crosspoint.billing.BillingSettings;
import com.crosspoint.billing.UnbilledTenants;
import java.time.Duration;
import java.util.Objects;

/**
 * {@code billing.*}: how outside calls are billed (issue 14, ADR 0012).
 *
 * @param deckCurrency          ISO 4217 code of every carrier rate deck
 * @param maxReservationSeconds the longest allowance one outside call gets, however rich its account
 * @param ratingSweepSeconds    how often the rating pipeline looks for unrated calls without being woken
 * @param cutOffWarningSeconds  how long before a call's allowance runs out a {@code billing.call-ending} event is
 *                              published (0: none)
 * @param unbilledTenants       what becomes of the outside calls of a tenant without a billing account
 */
public record BillingConfig(String deckCurrency, int maxReservationSeconds, int ratingSweepSeconds,
                            int cutOffWarningSeconds, UnbilledTenants unbilledTenants) {
    public BillingConfig {
        Objects.requireNonNull(deckCurrency, "deckCurrency");
        Objects.requireNonNull(unbilledTenants, "unbilledTenants");
    }

    /** The engine's share of these keys. */
    public BillingSettings settings() {
        return new BillingSettings(deckCurrency, maxReservationSeconds, Duration.ofSeconds(ratingSweepSeconds));
    }
}
