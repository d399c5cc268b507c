package com.crosspoint.bench;

import java.time.Duration;

/** Blocking waits of the benchmark driver (a program, not a test: it paces load and waits out timers). */
final class Pause {
    private Pause() {
    }

    static void of(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("benchmark interrupted", e);
        }
    }
}
