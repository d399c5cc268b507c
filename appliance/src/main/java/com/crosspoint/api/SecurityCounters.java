package com.crosspoint.api;

import java.util.concurrent.atomic.LongAdder;

/** What the HTTP side refused to protect itself, since the node started (read at {@code GET /api/v1/security}). */
final class SecurityCounters {
    private final LongAdder slowBodies = new LongAdder();
    private final LongAdder refusedEventStreams = new LongAdder();

    void slowBody() {
        slowBodies.increment();
    }

    void refusedEventStream() {
        refusedEventStreams.increment();
    }

    long slowBodies() {
        return slowBodies.sum();
    }

    long refusedEventStreams() {
        return refusedEventStreams.sum();
    }
}
