package com.crosspoint.model;

import java.time.Instant;
import java.util.Objects;

/**
 * What rating needs to know of a finished outside call: its CDR's times and the reservation's who, where and how
 * (the CDR alone does not know the E.164 destination, the user or the carrier).
 *
 * @param userId        the calling user, null when none
 * @param destination   E.164 digits without '+'
 * @param carrierId     the carrier that carried it, null when unknown (no cost then)
 * @param answeredAt    null for a call never answered (nothing to charge)
 * @param reservationId the reservation that held money for it, null when none did
 */
public record BillableCall(long cdrId, String callId, long tenantId, Long userId, String destination, Long carrierId,
                           Instant startedAt, Instant answeredAt, Instant endedAt, Long reservationId) {
    public BillableCall {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
    }
}
