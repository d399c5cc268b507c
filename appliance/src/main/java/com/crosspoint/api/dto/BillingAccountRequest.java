package com.crosspoint.api.dto;

/**
 * Open or change a tenant's billing account. {@code kind} PREPAID or POSTPAID; {@code creditLimit} only for POSTPAID;
 * {@code warningThreshold}: the funds below which a warning is published (0 or left out: none); amounts are
 * decimals of {@code currency}, which must be the plan's.
 */
public record BillingAccountRequest(String kind, String currency, Long planId, String creditLimit,
                                    String warningThreshold, SpendLimitsDto limits) {
}
