package com.crosspoint.proxy.core;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Which new requests the proxy takes on, so that offered more than it can handle it keeps completing calls at about
 * its peak rate and refuses the excess at once (503 + Retry-After), instead of every call slowing down until the
 * callers' timers retransmit (doubling the load) and give up. Two bounds:
 * <ul>
 *   <li><b>occupancy</b>: the share of wall time the I/O threads spend handling messages, measured each
 *       {@link #INTERVAL_MILLIS} and averaged over the last two intervals (a burst shorter than that, a flood of a
 *       few hundred requests, is not an overload). Near 1 the datagrams queue in the socket faster than they are
 *       read (on a shared box the threads may also wait for a core, which counts too). Saturated threads (never
 *       finding the socket empty) cut the share of new requests admitted hard at once; above the target, the share
 *       follows target over measured only once the occupancy has also stayed above the target for about a second
 *       ({@link #SUSTAINED_MILLIS}, an exponential average): a garbage collector's concurrent cycle takes a core
 *       for a second or two and lifts the occupancy near the target with no queue building, which is no reason to
 *       refuse calls (measured: 1 % of calls refused at 5,000/s before this rule). Below the target the share grows
 *       again, at most doubling an interval. Occupancy-based overload control in the manner of Hilt and Widjaja's
 *       OCC for SIP servers.</li>
 *   <li><b>memory</b>: at most {@code maxPending} transactions waiting for a final answer.</li>
 * </ul>
 * Only requests that would start something new are asked about: in-dialog requests (a BYE ends a call and frees what
 * it holds), ACK and CANCEL always pass.
 */
final class Admission {
    static final long INTERVAL_MILLIS = 100;
    /** The default target. */
    static final double TARGET_OCCUPANCY = 0.85;
    /** Above it the threads never found the socket empty: the backlog's size is unknown, so cut harder. */
    static final double SATURATED = 0.97;
    static final double SATURATED_FACTOR = 0.7;
    /** Never below: some calls keep getting through, so occupancy keeps measuring real work. */
    static final double MIN_SHARE = 0.02;
    private static final double MAX_GROWTH = 2.0;
    /** The time constant of the average that must also be above the target before a cut short of saturation. */
    static final long SUSTAINED_MILLIS = 1_000;
    private static final double SUSTAINED_WEIGHT = (double) INTERVAL_MILLIS / (INTERVAL_MILLIS + SUSTAINED_MILLIS);

    private final int maxPending;
    private final int workers;
    private final double target;
    private final AtomicInteger pending = new AtomicInteger();
    private final LongAdder busyNanos = new LongAdder();
    private volatile double share = 1.0;
    private volatile double occupancy;
    private double sustained;
    private double previous;
    private long intervalStart;

    /**
     * @param workers the threads that handle messages (the UDP readers), what full occupancy is measured against
     * @param target  the occupancy kept (0 = none: only {@code maxPending} bounds admission)
     */
    Admission(int maxPending, int workers, double target, long nowNanos) {
        if (maxPending < 1 || workers < 1 || target < 0 || target >= SATURATED) {
            throw new IllegalArgumentException("maxPending and workers must be at least 1, the target 0 to 0.97");
        }
        this.maxPending = maxPending;
        this.workers = workers;
        this.target = target;
        this.intervalStart = nowNanos;
    }

    /** Whether a new request may start a transaction now; {@link #started} once it does. */
    boolean admit() {
        if (pending.get() >= maxPending) {
            return false;
        }
        double s = share;
        return s >= 1.0 || ThreadLocalRandom.current().nextDouble() < s;
    }

    void started() {
        pending.incrementAndGet();
    }

    /** Its final answer was sent. */
    void finished() {
        pending.decrementAndGet();
    }

    int pending() {
        return pending.get();
    }

    /** Time one thread spent handling one message. */
    void busy(long nanos) {
        busyNanos.add(nanos);
    }

    /** Ends a measuring interval: the occupancy over it sets the share admitted in the next one. */
    synchronized void endInterval(long nowNanos) {
        long elapsed = nowNanos - intervalStart;
        if (elapsed <= 0) {
            return;
        }
        intervalStart = nowNanos;
        double last = Math.min(1.0, busyNanos.sumThenReset() / ((double) workers * elapsed));
        double measured = (previous + last) / 2;
        previous = last;
        occupancy = measured;
        sustained += SUSTAINED_WEIGHT * (last - sustained);
        if (target == 0) {
            return;
        }
        double factor;
        if (measured >= SATURATED) {
            factor = SATURATED_FACTOR;
        } else if (measured <= target / MAX_GROWTH) {
            factor = MAX_GROWTH;
        } else if (measured <= target) {
            factor = target / measured;
        } else if (sustained > target) {
            factor = target / Math.min(measured, sustained);
        } else {
            factor = 1.0; // above the target for less than about a second: hold, neither cut nor grow
        }
        share = Math.max(MIN_SHARE, Math.min(1.0, share * factor));
    }

    /** The share of new requests admitted now, 0.02 to 1. */
    double share() {
        return share;
    }

    /** The occupancy's average over about the last second (exponential, {@link #SUSTAINED_MILLIS}), 0 to 1. */
    double sustainedOccupancy() {
        return sustained;
    }

    /** The I/O threads' occupancy over the last two intervals, 0 to 1. */
    double occupancy() {
        return occupancy;
    }
}
