package com.crosspoint.config;

import com.crosspoint.billing.UnbilledTenants;
import com.crosspoint.model.Money;
import java.util.Locale;

/** Binds {@code billing.*} (kept apart from {@link ConfigBinder}, which binds the rest). */
final class BillingConfigBinder {
    private final ConfigValues values;

    BillingConfigBinder(ConfigValues values) {
        this.values = values;
    }

    BillingConfig billing() {
        String currency = values.string("billing.deckCurrency").trim();
        try {
            Money.checkCurrency(currency, "billing.deckCurrency");
        } catch (IllegalArgumentException e) {
            throw values.error("billing.deckCurrency", "not an ISO 4217 currency code: \"" + currency + "\"");
        }
        int maxReservation = ranged("billing.maxReservationSeconds", 60, 86_400);
        int warning = ranged("billing.cutOffWarningSeconds", 0, 3600);
        if (warning >= maxReservation) {
            throw values.error("billing.cutOffWarningSeconds", "must be below billing.maxReservationSeconds");
        }
        return new BillingConfig(currency, maxReservation, ranged("billing.ratingSweepSeconds", 1, 3600), warning,
                unbilled());
    }

    private UnbilledTenants unbilled() {
        String text = values.string("billing.unbilledTenants").trim();
        try {
            return UnbilledTenants.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw values.error("billing.unbilledTenants", "must be free or refuse (got \"" + text + "\")");
        }
    }

    private int ranged(String key, int min, int max) {
        int value = values.integer(key);
        if (value < min || value > max) {
            throw values.error(key, "must be " + min + ".." + max + " (got " + value + ")");
        }
        return value;
    }
}
