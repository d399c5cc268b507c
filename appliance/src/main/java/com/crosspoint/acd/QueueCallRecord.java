package com.crosspoint.acd;

import java.time.Instant;
import java.util.Objects;

/**
 * One queue entry as it ended, kept for the historical figures: answered (written when the agent's call ends, so
 * the talk time is known), abandoned, overflowed or transferred to another queue by a supervisor (written when it
 * left), or a callback given up after its last retry.
 *
 * @param waitMillis     from joining the queue until answered or gone
 * @param agentUserId    who answered (0 when nobody did)
 * @param talkMillis     how long the agent talked (0 unless answered)
 * @param wrapUpMillis   the queue's wrap-up time after the call (0 unless answered)
 * @param inServiceLevel answered within the queue's service-level time
 * @param callback       the caller had asked to be called back (answered: the callback was served)
 */
public record QueueCallRecord(long tenantId, long queueId, Instant joinedAt, Outcome outcome, long waitMillis,
                              long agentUserId, long talkMillis, long wrapUpMillis, boolean inServiceLevel,
                              boolean callback) {
    /** How an entry's wait ended. */
    public enum Outcome { ANSWERED, ABANDONED, OVERFLOWED, TRANSFERRED, CALLBACK_FAILED }

    /** An entry of a caller who waited on the line. */
    public QueueCallRecord(long tenantId, long queueId, Instant joinedAt, Outcome outcome, long waitMillis,
                           long agentUserId, long talkMillis, long wrapUpMillis, boolean inServiceLevel) {
        this(tenantId, queueId, joinedAt, outcome, waitMillis, agentUserId, talkMillis, wrapUpMillis,
                inServiceLevel, false);
    }

    public QueueCallRecord {
        Objects.requireNonNull(joinedAt, "joinedAt");
        Objects.requireNonNull(outcome, "outcome");
        if (waitMillis < 0 || talkMillis < 0 || wrapUpMillis < 0) {
            throw new IllegalArgumentException("times are never negative");
        }
    }
}
