package com.crosspoint.proxy.transaction;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A hashed timer wheel for every transaction timer (A-K, C): one thread, O(1) to schedule and
 * cancel, no thread or executor task per transaction. Time comes from an injected nanosecond
 * clock and {@link #advance} runs what is due, so tests move time by hand; in production
 * {@link #start} runs {@code advance} every tick on a thread of its own.
 * <p>
 * Only the thread that advances the wheel touches its slots (each a doubly linked list); other threads hand new and
 * cancelled timeouts over on two lock-free stacks, which it takes at each tick. So the I/O threads that schedule and
 * cancel never wait for the wheel (with one lock shared by all, they waited 5-40 ms at a time behind the tick's walk
 * or a preempted holder, and their input queue stood long enough to refuse calls), and tasks, run on the wheel's
 * thread, may schedule new timeouts.
 */
public final class TimerWheel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TimerWheel.class);

    private final LongSupplier nanoClock;
    private final long tickNanos;
    private final Timeout[] slots;
    private final int mask;
    private final long originNanos;
    private final AtomicReference<Timeout> added = new AtomicReference<>();
    private final AtomicReference<Timeout> cancelled = new AtomicReference<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final List<Timeout> due = new ArrayList<>();
    private long processedTick;
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

    /** Runs {@code task} after {@code delayMillis} (rounded up to the tick); from any thread. */
    public Timeout schedule(Runnable task, long delayMillis) {
        long deadline = (nanoClock.getAsLong() - originNanos + delayMillis * 1_000_000L + tickNanos - 1) / tickNanos;
        Timeout t = new Timeout(this, task, deadline);
        pending.incrementAndGet();
        Timeout head;
        do {
            head = added.get();
            t.nextAdded = head;
        } while (!added.compareAndSet(head, t));
        return t;
    }

    /** A timeout was cancelled (by {@link Timeout#cancel}): out of its slot at the next tick. */
    void cancelled(Timeout t) {
        pending.decrementAndGet();
        Timeout head;
        do {
            head = cancelled.get();
            t.nextCancelled = head;
        } while (!cancelled.compareAndSet(head, t));
    }

    /** Runs every timeout that is due by the clock's now; on one thread only (the wheel's, or a test's). */
    public void advance() {
        long nowTick = (nanoClock.getAsLong() - originNanos) / tickNanos;
        while (processedTick < nowTick) {
            processedTick++;
            takeAdded();
            takeCancelled();
            collect((int) (processedTick & mask), processedTick);
            for (Timeout t : due) {
                run(t);
            }
            due.clear();
        }
    }

    /** New timeouts into their slots; one already due goes into this tick's. */
    private void takeAdded() {
        for (Timeout t = added.getAndSet(null); t != null; ) {
            Timeout next = t.nextAdded;
            t.nextAdded = null;
            if (!t.cancelled()) {
                int slot = (int) (Math.max(t.deadlineTick, processedTick) & mask);
                t.slot = slot;
                t.next = slots[slot];
                if (t.next != null) {
                    t.next.previous = t;
                }
                slots[slot] = t;
            }
            t = next;
        }
    }

    /** Cancelled timeouts out of their slots (one cancelled before it was placed never got one). */
    private void takeCancelled() {
        for (Timeout t = cancelled.getAndSet(null); t != null; ) {
            Timeout next = t.nextCancelled;
            t.nextCancelled = null;
            if (t.slot >= 0) {
                unlink(t);
            }
            t = next;
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

    private void run(Timeout t) {
        Runnable task = t.claim(); // null if cancelled since it was collected
        if (task == null) {
            return;
        }
        pending.decrementAndGet();
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.error("timer task failed", e);
        }
    }

    /** Timeouts scheduled and not yet run or cancelled. */
    public int scheduled() {
        return pending.get();
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
