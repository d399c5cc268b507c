package com.crosspoint.api.dto;

/** A user's own billing settings: another plan of the tenant's (null: the tenant's), limits, a freeze. */
public record UserBillingRequest(Long planId, Boolean frozen, SpendLimitsDto limits) {
}
