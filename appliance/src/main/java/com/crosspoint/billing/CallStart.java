package com.crosspoint.billing;

import java.time.Instant;
import java.util.Objects;

/**
 * An outside call asking to be authorised.
 *
 * @param callId      the call's id, which its CDR will carry
 * @param userId      the calling user, null when no user placed it
 * @param destination E.164 digits without '+'
 * @param at          when the call started: the day of its rate, and the minute of the spend windows
 */
public record CallStart(String callId, long tenantId, Long userId, String destination, Instant at) {
    public CallStart {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(at, "at");
    }
}
