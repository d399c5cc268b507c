package com.crosspoint.acd;

import java.time.Instant;
import java.util.Objects;

/**
 * A caller who asked to be called back: a stored virtual entry that keeps the place the caller had in the queue
 * ({@code joinedAt} is when the caller joined, not when they asked).
 *
 * @param attempts callback calls tried so far
 */
public record CallbackRequest(long id, long tenantId, long queueId, String number, String name, Instant joinedAt,
                              int attempts) {
    public CallbackRequest {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(joinedAt, "joinedAt");
    }
}
