package com.crosspoint.sip;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Stack traces for failures a remote party can trigger at will: at most one per interval, so a flood of bad
 * requests costs the log one line each instead of forty: {@code if (budget.spend()) log with the exception, else
 * log its toString()}. The trace of the first says where it happened.
 */
final class TraceBudget {
    private final long intervalMillis;
    private final LongSupplier clock;
    private final AtomicLong nextTraceAt;

    TraceBudget(Duration interval, LongSupplier clock) {
        this.intervalMillis = interval.toMillis();
        this.clock = clock;
        this.nextTraceAt = new AtomicLong(Long.MIN_VALUE);
    }

    /** Whether this failure may log its stack trace; if so, the next may only after the interval. */
    boolean spend() {
        long now = clock.getAsLong();
        long due = nextTraceAt.get();
        return now >= due && nextTraceAt.compareAndSet(due, now + intervalMillis);
    }
}
