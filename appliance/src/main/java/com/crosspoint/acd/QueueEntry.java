package com.crosspoint.acd;

import java.time.Instant;
import java.util.Objects;

/**
 * A caller (or a stored callback) waiting in a queue.
 *
 * @param caller     the caller's number, as presented
 * @param callerName the caller's display name, or empty
 * @param callback   a virtual entry keeping the place of a caller who asked to be called back
 */
public record QueueEntry(long id, long queueId, String caller, String callerName, Instant joinedAt,
                         boolean callback) {
    public QueueEntry {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(callerName, "callerName");
        Objects.requireNonNull(joinedAt, "joinedAt");
    }
}
