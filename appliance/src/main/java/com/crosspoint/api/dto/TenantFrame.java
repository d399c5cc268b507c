package com.crosspoint.api.dto;

import java.time.Instant;

/**
 * Event stream: {@code tenant.created|changed|deleted}; a deleted tenant is shown as it was, its
 * users and devices went with it.
 */
public record TenantFrame(String type, long seq, Instant at, long tenantId, TenantDto tenant) {
}
