package com.crosspoint.relay.rtp;

import java.util.ArrayDeque;
import java.util.List;

/**
 * The latest latch events of one side, bounded so that a source that keeps re-latching cannot grow it; the count
 * goes on. Written on the forwarding thread (rarely: once per latch) and by {@code expect}, read by stats.
 */
final class LatchLog {
    /** Events kept; older ones are dropped (and still counted). */
    static final int CAPACITY = 32;

    private final ArrayDeque<LatchEvent> events = new ArrayDeque<>(CAPACITY);
    private long count;

    synchronized void add(LatchEvent event) {
        if (events.size() == CAPACITY) {
            events.removeFirst();
        }
        events.addLast(event);
        count++;
    }

    synchronized List<LatchEvent> events() {
        return List.copyOf(events);
    }

    /** Every event logged, including those no longer kept. */
    synchronized long count() {
        return count;
    }
}
