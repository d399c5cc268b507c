package com.crosspoint.model;

import java.util.Objects;

/**
 * A user's own billing settings, inside the tenant's account: another plan of the tenant's (null for the tenant's),
 * the user's fraud limits, and a freeze of the user alone.
 */
public record UserBilling(long tenantId, long userId, Long planId, boolean frozen, SpendLimits limits) {
    public UserBilling {
        Objects.requireNonNull(limits, "limits");
    }
}
