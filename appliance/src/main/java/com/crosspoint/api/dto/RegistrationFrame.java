package com.crosspoint.api.dto;

import java.time.Instant;

/** Event stream: {@code registration.added|refreshed|removed|expired}. */
public record RegistrationFrame(String type, long seq, Instant at, long tenantId, RegistrationDto registration) {
}
