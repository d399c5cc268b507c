package com.crosspoint.api.dto;

import com.crosspoint.model.AccountFunds;
import com.crosspoint.model.BillingAccount;
import com.crosspoint.model.Money;

/**
 * A tenant's billing account and its money now: {@code balance} (the ledger's sum), {@code reserved} (held by calls
 * in progress) and {@code available} (what new calls may still spend: balance + credit limit - reserved).
 */
public record BillingAccountDto(long tenantId, String kind, String currency, long planId, String creditLimit,
                                String warningThreshold, boolean frozen, SpendLimitsDto limits, String balance,
                                String reserved, String available, int openCalls) {

    public static BillingAccountDto of(BillingAccount a, AccountFunds f, int openCalls) {
        String c = a.currency();
        return new BillingAccountDto(a.tenantId(), a.kind().name(), c, a.planId(),
                new Money(a.creditLimitMicros(), c).toDecimal(), new Money(a.warningThresholdMicros(), c).toDecimal(),
                a.frozen(), SpendLimitsDto.of(a.limits(), c), new Money(f.balanceMicros(), c).toDecimal(),
                new Money(f.reservedMicros(), c).toDecimal(),
                new Money(f.balanceMicros() + a.creditLimitMicros() - f.reservedMicros(), c).toDecimal(), openCalls);
    }
}
