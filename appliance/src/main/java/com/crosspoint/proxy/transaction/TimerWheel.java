package com.crosspoint.proxy.transaction;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A hashed timer wheel for every transaction timer (A-K, C): one thread, O(1) to schedule and
 * cancel, no thread or executor task per transaction. Time comes from an injected nanosecond
 * clock and {@link #advance} runs what is due, so tests move time by hand; in production
 * {@link #start} runs {@code advance} every tick on a thread of its own. Tasks run on the wheel's
 * thread, outside its lock, so a task may schedule new timeouts. Each slot is a doubly linked list, so a cancelled
 * timeout leaves it at once (see {@link Timeout}): a slot holds only timeouts still to run.
 */
public final class TimerWheel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TimerWheel.class);

    private final LongSupplier nanoClock;
    private final long tickNanos;
    private final Timeout[] slots;
    private final int mask;
    private final long originNanos;
    private final List<Timeout> due = new ArrayList<>();
    private long processedTick;
    private int scheduled;
    private volatile Thread thread;

    /** @param slots a power of two; timeouts further away than slots × tick wait extra rounds */
    public TimerWheel(LongSupplier nanoClock, long tickMillis, int slots) {
        if (Integer.bitCount(slots) != 1 || tickMillis < 1) {
            throw new IllegalArgumentException("slots must be a power of two and the tick at least 1 ms");
        }
        this.nanoClock = nanoClock;
        this.tickNanos = tickMillis * 1_000_000L;
        this.slots = new Timeout[slots];
        this.mask = slots - 1;
        this.originNanos = nanoClock.getAsLong();
    }

    /** The wheel's clock, in nanoseconds (only differences mean anything). */
    public long nanos() {
        return nanoClock.getAsLong();
    }

    /** Runs {@code task} after {@code delayMillis} (rounded up to the tick). */
    public Timeout schedule(Runnable task, long delayMillis) {
        long deadline = (nanoClock.getAsLong() - originNanos + delayMillis * 1_000_000L + tickNanos - 1) / tickNanos;
        synchronized (this) {
            long tick = Math.max(deadline, processedTick + 1);
            Timeout t = new Timeout(this, task, tick);
            int slot = (int) (tick & mask);
            t.slot = slot;
            t.next = slots[slot];
            if (t.next != null) {
                t.next.previous = t;
            }
            slots[slot] = t;
            scheduled++;
            return t;
        }
    }

    /** A cancelled timeout leaves its slot, if it is still in one, and lets go of its task. */
    synchronized void remove(Timeout t) {
        t.task = null;
        if (t.slot >= 0) {
            unlink(t);
        }
    }

    private void unlink(Timeout t) {
        if (t.previous != null) {
            t.previous.next = t.next;
        } else {
            slots[t.slot] = t.next;
        }
        if (t.next != null) {
            t.next.previous = t.previous;
        }
        t.previous = null;
        t.next = null;
        t.slot = -1;
        scheduled--;
    }

    /** Runs every timeout that is due by the clock's now. */
    public void advance() {
        long nowTick = (nanoClock.getAsLong() - originNanos) / tickNanos;
        while (true) {
            synchronized (this) {
                if (processedTick >= nowTick) {
                    break;
                }
                processedTick++;
                collect((int) (processedTick & mask), processedTick);
            }
            for (Timeout t : due) {
                run(t);
            }
            due.clear();
        }
    }

    /** Takes what is due out of the slot (timeouts a round or more away stay). */
    private void collect(int slot, long tick) {
        for (Timeout t = slots[slot]; t != null; ) {
            Timeout next = t.next;
            if (t.deadlineTick <= tick) {
                unlink(t);
                due.add(t);
            }
            t = next;
        }
    }

    private static void run(Timeout t) {
        Runnable task = t.task; // read before the flag: a cancel clears the task after setting it
        if (task == null || t.cancelled()) {
            return;
        }
        t.task = null;
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.error("timer task failed", e);
        }
    }

    /** Timeouts scheduled and not yet run or swept after cancelling. */
    public synchronized int scheduled() {
        return scheduled;
    }

    /** Starts the thread that advances the wheel every tick. */
    public void start(String name) {
        Thread t = new Thread(() -> {
            while (thread != null) {
                try {
                    Thread.sleep(tickNanos / 1_000_000L);
                } catch (InterruptedException e) {
                    return;
                }
                advance();
            }
        }, name);
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    @Override
    public void close() {
        Thread t = thread;
        thread = null;
        if (t != null) {
            t.interrupt();
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
