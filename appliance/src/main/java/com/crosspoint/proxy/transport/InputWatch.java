package com.crosspoint.proxy.transport;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the overload control reads of one input (a UDP socket, a TCP or TLS loop): when its readers last found it
 * empty, and whether one is waiting on it now. The transport that reads the input keeps it; the proxy core reads it
 * once an interval. Times are {@link System#nanoTime} values.
 */
public final class InputWatch {
    private volatile long drainedAt;
    private final AtomicInteger waiting = new AtomicInteger();

    /** @param openedAt when the input was opened: empty then */
    public InputWatch(long openedAt) {
        this.drainedAt = openedAt;
    }

    /** A reader found nothing more to read: all that had queued is handled. */
    public void drained(long now) {
        drainedAt = now;
    }

    /** A reader starts or stops waiting for input; the input was empty until the wait ended. */
    public void waiting(boolean starts, long now) {
        drainedAt = now;
        if (starts) {
            waiting.incrementAndGet();
        } else {
            waiting.decrementAndGet();
        }
    }

    /**
     * How long the input has gone without being found empty: 0 while a reader waits on it, however long that reader
     * then takes to be scheduled again (on a busy box an idle input must not look backed up).
     */
    public long backlogNanos(long now) {
        if (waiting.get() > 0) {
            return 0; // read first: a reader that stops waiting sets drainedAt before it says so
        }
        return Math.max(0, now - drainedAt);
    }
}
