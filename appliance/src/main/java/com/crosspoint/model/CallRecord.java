package com.crosspoint.model;

import java.time.Duration;
import java.time.Instant;

/**
 * The call detail record of one call attempt. {@code answeredAt} is null for calls never answered;
 * {@code sipCause} is the final SIP status that decided the outcome (200 for answered calls).
 */
public record CallRecord(long id, long tenantId, String callId, String caller, String callee,
                         Instant startedAt, Instant answeredAt, Instant endedAt,
                         Disposition disposition, HangupParty hungUpBy, int sipCause) {

    /** Talk time: from answer to end, zero when never answered. */
    public Duration duration() {
        return answeredAt == null ? Duration.ZERO : Duration.between(answeredAt, endedAt);
    }
}
