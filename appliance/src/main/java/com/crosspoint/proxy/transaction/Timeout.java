package com.crosspoint.proxy.transaction;

/** A task scheduled on the {@link TimerWheel}; cancelling it is a flag, removed lazily when its slot comes round. */
public final class Timeout {
    final Runnable task;
    final long deadlineTick;
    Timeout next;
    private volatile boolean cancelled;

    Timeout(Runnable task, long deadlineTick) {
        this.task = task;
        this.deadlineTick = deadlineTick;
    }

    public void cancel() {
        cancelled = true;
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
