package com.crosspoint.proxy.transaction;

/**
 * A task scheduled on the {@link TimerWheel}. Cancelling it takes it out of the wheel at once and lets go of the task:
 * most transaction timers are cancelled (Timer C's three minutes, B and F's 32 s when the answer comes), and a
 * cancelled timeout left in its slot until its deadline kept its transaction reachable that long: at 2,000 calls a
 * second, six minutes of calls in the heap for the collector to mark, and in the slot lists the wheel walks each tick.
 */
public final class Timeout {
    private final TimerWheel wheel;
    final long deadlineTick;
    /** Null once cancelled (or run): what the task holds is no longer kept alive by the wheel. */
    Runnable task;
    /** Its place in the wheel, -1 once out of it; these three are guarded by the wheel's lock. */
    int slot = -1;
    Timeout previous;
    Timeout next;
    private volatile boolean cancelled;

    Timeout(TimerWheel wheel, Runnable task, long deadlineTick) {
        this.wheel = wheel;
        this.task = task;
        this.deadlineTick = deadlineTick;
    }

    public void cancel() {
        if (!cancelled) {
            cancelled = true;
            wheel.remove(this);
        }
    }

    public boolean cancelled() {
        return cancelled;
    }

    /** Cancels a timeout that may be null; returns null so a field can be cleared in one line. */
    public static Timeout cancel(Timeout t) {
        if (t != null) {
            t.cancel();
        }
        return null;
    }
}
