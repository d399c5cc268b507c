package com.crosspoint.console.viewmodel;

import java.time.Duration;

/** Reconnect delays: 1 s, doubling up to 30 s; back to 1 s after a successful connection. */
public final class Backoff {
    static final Duration FIRST = Duration.ofSeconds(1);
    static final Duration MAX = Duration.ofSeconds(30);

    private Duration next = FIRST;

    /** The delay before the next attempt; each call doubles the one after. */
    public Duration next() {
        Duration d = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(MAX) > 0 ? MAX : doubled;
        return d;
    }

    public void reset() {
        next = FIRST;
    }
}
