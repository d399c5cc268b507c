package com.crosspoint.api.dto;

import java.time.Instant;

/** Event-stream message of a {@code SecurityEvent} (admins of the tenant and superadmins only). */
public record SecurityFrame(String type, long seq, Instant at, long tenantId, String account, String source,
                            int failures, long retryAfterSeconds) {
}
