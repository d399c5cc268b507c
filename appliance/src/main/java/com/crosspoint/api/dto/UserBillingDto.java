package com.crosspoint.api.dto;

import com.crosspoint.model.UserBilling;

/** A user's billing settings; {@code planId} null means the tenant's plan. */
public record UserBillingDto(long tenantId, long userId, Long planId, boolean frozen, SpendLimitsDto limits) {

    public static UserBillingDto of(UserBilling u, String currency) {
        return new UserBillingDto(u.tenantId(), u.userId(), u.planId(), u.frozen(), SpendLimitsDto.of(u.limits(), currency));
    }
}
