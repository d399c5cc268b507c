package com.crosspoint.acd;

import java.util.Objects;

/**
 * What happened to a callback, for the event stream: asked for (the caller hung up, the place is kept), a try
 * failed and another follows, served (the caller talks to an agent), or given up after the last retry.
 *
 * @param number   the number called back
 * @param attempts tries made so far
 */
public record CallbackReport(long tenantId, long queueId, String number, Step step, int attempts) {
    /** How far a callback got. */
    public enum Step { REQUESTED, RETRYING, SERVED, FAILED }

    public CallbackReport {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(step, "step");
    }
}
