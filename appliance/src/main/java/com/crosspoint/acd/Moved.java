package com.crosspoint.acd;

/**
 * The answer to {@link ContactCenter#move}: the entry's place and estimated wait in its new queue, or why it stays.
 */
public record Moved(int position, long estimatedWaitSeconds, Refusal refusal) {
    /** Why a supervisor's move of a waiting entry is refused. */
    public enum Refusal {
        /** Either queue is unknown, or they belong to different tenants. */
        NO_SUCH_QUEUE,
        /** The entry waits in the first queue no longer (answered, gone, moved). */
        NOT_WAITING,
        SAME_QUEUE,
        /** An agent is being rung for it right now. */
        RINGING,
        /** The target queue is at its maximum length. */
        FULL
    }

    public boolean accepted() {
        return refusal == null;
    }
}
