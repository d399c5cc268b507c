package com.crosspoint.proxy.transaction;

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * A task scheduled on the {@link TimerWheel}. It either runs or is cancelled, never both: whichever comes first wins.
 * Cancelling lets go of the task at once and has the wheel's thread take it out of its slot at the next tick: most
 * transaction timers are cancelled (Timer C's three minutes, B and F's 32 s when the answer comes), and a cancelled
 * timeout left in its slot until its deadline lengthened the slot lists the wheel walks each tick (at 2,000 calls a
 * second, hundreds of thousands of dead entries) and kept its task's captures reachable.
 */
public final class Timeout {
    private static final int PENDING = 0;
    private static final int CANCELLED = 1;
    private static final int RUN = 2;
    private static final AtomicIntegerFieldUpdater<Timeout> STATE =
            AtomicIntegerFieldUpdater.newUpdater(Timeout.class, "state");

    private final TimerWheel wheel;
    final long deadlineTick;
    /** Null once cancelled or run: what the task holds is no longer kept alive by the wheel. */
    volatile Runnable task;
    private volatile int state;
    /** Its place in the wheel, -1 while out of it; these three belong to the wheel's thread. */
    int slot = -1;
    Timeout previous;
    Timeout next;
    /** The next in the wheel's stacks of new and of cancelled timeouts (pushed by any thread, taken by the wheel's). */
    Timeout nextAdded;
    Timeout nextCancelled;

    Timeout(TimerWheel wheel, Runnable task, long deadlineTick) {
        this.wheel = wheel;
        this.task = task;
        this.deadlineTick = deadlineTick;
    }

    public void cancel() {
        if (STATE.compareAndSet(this, PENDING, CANCELLED)) {
            task = null;
            wheel.cancelled(this);
        }
    }

    public boolean cancelled() {
        return state == CANCELLED;
    }

    /** The wheel's thread takes the task to run it; null if it was cancelled first. */
    Runnable claim() {
        if (!STATE.compareAndSet(this, PENDING, RUN)) {
            return null;
        }
        Runnable r = task;
        task = null;
        return r;
    }

    /** Cancels a timeout that may be null; returns null so a field can be cleared in one line. */
    public static Timeout cancel(Timeout t) {
        if (t != null) {
            t.cancel();
        }
        return null;
    }
}
