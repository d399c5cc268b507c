package com.crosspoint.model;

import static com.crosspoint.model.InvalidValueException.require;

import java.util.Objects;

/**
 * How a tenant pays for outside calls: prepaid (calls spend a balance topped up beforehand) or postpaid (the
 * balance may go down to minus {@code creditLimit}). The balance itself is not a setting: it is the sum of the
 * ledger, kept by {@code LedgerStore}.
 *
 * @param planId           the tenant's retail plan, in {@code currency}
 * @param creditLimitMicros how far below zero a postpaid balance may go; 0 for prepaid
 * @param warningThresholdMicros when the funds still available fall below it, a warning is published; 0 for none
 * @param frozen           refuses every new call at once (an admin's brake against fraud)
 */
public record BillingAccount(long tenantId, Kind kind, String currency, long planId, long creditLimitMicros,
                             long warningThresholdMicros, boolean frozen, SpendLimits limits) {
    /** Whether the customer pays before or after. */
    public enum Kind { PREPAID, POSTPAID }

    public BillingAccount {
        require(kind != null, "kind", "is required (PREPAID or POSTPAID)");
        Money.checkCurrency(currency, "currency");
        require(creditLimitMicros >= 0 && creditLimitMicros <= Money.MAX_MICROS, "creditLimit",
                "must not be negative");
        require(kind == Kind.POSTPAID || creditLimitMicros == 0, "creditLimit", "a prepaid account has none");
        require(warningThresholdMicros >= 0 && warningThresholdMicros <= Money.MAX_MICROS, "warningThreshold",
                "must not be negative");
        Objects.requireNonNull(limits, "limits");
    }

    public BillingAccount withFrozen(boolean freeze) {
        return new BillingAccount(tenantId, kind, currency, planId, creditLimitMicros, warningThresholdMicros, freeze,
                limits);
    }
}
