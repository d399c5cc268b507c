package com.crosspoint.im;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Recipients known to have no stored message waiting, so that a registration refresh (hundreds a second on a
 * busy node) does not query the store for each of them. Every stored message bumps its recipient's
 * generation after it is committed; an empty result only counts for the generation read before the query,
 * so a message committed while the query ran is never hidden.
 */
final class DrainedRecipients {
    private final Map<String, Long> generations = new ConcurrentHashMap<>();
    private final Map<String, Long> drainedAt = new ConcurrentHashMap<>();

    /** Read before querying the store for {@code recipient}'s waiting messages. */
    long generation(String recipient) {
        return generations.getOrDefault(recipient, 0L);
    }

    /** A message for {@code recipient} was committed. */
    void messageStored(String recipient) {
        generations.merge(recipient, 1L, Long::sum);
    }

    /** The store had nothing waiting for {@code recipient} as of {@code generation}. */
    void drained(String recipient, long generation) {
        drainedAt.put(recipient, generation);
    }

    /** True when nothing can be waiting: drained, and no message stored since. */
    boolean isDrained(String recipient) {
        Long at = drainedAt.get(recipient);
        return at != null && at == generation(recipient);
    }
}
