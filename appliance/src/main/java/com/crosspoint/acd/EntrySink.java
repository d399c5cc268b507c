package com.crosspoint.acd;

/**
 * Whoever holds a waiting entry (a caller's queue application, a chat): the contact center hands it its offers.
 * Called outside the contact center's lock, on whatever thread made the agent free; implementations hop to their
 * own thread.
 */
@FunctionalInterface
public interface EntrySink {
    void offer(Offer offer);

    /** A supervisor moved the entry to another queue ({@code entry.queueId()}); offers come from there now. */
    default void moved(QueueEntry entry) {
    }
}
