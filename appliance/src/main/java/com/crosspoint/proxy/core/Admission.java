package com.crosspoint.proxy.core;

import com.crosspoint.proxy.transport.InputWatch;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Which new requests the proxy takes on, so that offered more than it can handle it keeps completing calls near its
 * peak rate and refuses the excess at once (503 + Retry-After), instead of every call slowing down until the callers'
 * timers retransmit (doubling the load) and give up. Two bounds:
 * <ul>
 *   <li><b>a standing queue</b>: each input (the UDP socket, the TCP and TLS loops) keeps when its readers last found
 *       it empty and whether one waits on it now ({@link InputWatch}). An input not found empty for a whole
 *       {@link #STANDING_MILLIS} holds a queue that does not drain: messages arrive faster than they are handled. Each
 *       interval that ends with such a queue cuts the share of new requests admitted ({@link #CUT}); each that does not
 *       lets it grow again ({@link #growth}), so the share settles just under what the proxy can carry. Cutting every
 *       interval overshoots after a sudden overload (the queue drains only once the share is low enough), but cutting
 *       more slowly (each time the backlog doubled) let the queue stand past the callers' 500 ms retransmission timer,
 *       and their retransmissions kept it standing: 45 % goodput at twice the peak against 77 %, and 31,414
 *       retransmissions against none. This is CoDel's signal (a queue that stays, not one that comes and goes) applied
 *       to admission. It replaced the readers' wall-time occupancy, which cannot tell work from a reader waiting for a
 *       core: on two cores shared with the load, or under a CPU quota, it read 100 % while the queue drained, and the
 *       cut fed itself (measured: 24 % goodput at twice the peak, 51 % with no admission at all). Nor can a low
 *       occupancy clear a standing queue: under a CPU quota the process's other threads (timers, the collector) take
 *       the readers' share, and a rule that waited for busy readers let the queue stand 4 s (measured). A queue that
 *       stands because the readers got no core at all (a collector's cycle, a virtual machine's stolen time) is cut
 *       for too; the growth brings the share back within a few intervals once they run again.</li>
 *   <li><b>memory</b>: at most {@code maxPending} transactions waiting for a final answer.</li>
 * </ul>
 * Only requests that would start something new are asked about: in-dialog requests (a BYE ends a call and frees what
 * it holds), ACK and CANCEL always pass. The readers' occupancy (busy wall time) sets only how fast the share grows
 * back once the queue drains ({@link #growth}), never a cut.
 */
final class Admission {
    static final long INTERVAL_MILLIS = 100;
    /** How long an input may go without being found empty before that is overload: a burst drains well within it. */
    static final long STANDING_MILLIS = 100;
    /** The share's factor after an interval that ended with a standing queue. */
    static final double CUT = 0.8;
    /** The share's factor after an interval that ended without one, at least: from half to all in 0.7 s. */
    static final double GROWTH = 1.1;
    /**
     * At most: readers that were idle most of the interval are not held back by a cut that a stall made (a collector's
     * cycle or a core taken for most of a second, measured: the share cut to a quarter, then 1.5 s at 1.1 an interval
     * to grow back while the readers sat 92-97 % idle, 10 % of the calls refused for nothing).
     */
    static final double MAX_GROWTH = 2.0;
    /**
     * The occupancy the growth aims at: below it the share grows by {@code HEADROOM / occupancy} (up to
     * {@link #MAX_GROWTH}), above it by {@link #GROWTH}. Low, so that only clearly idle readers speed the growth: a
     * reader waiting for a core reads busy, which only slows it.
     */
    static final double HEADROOM = 0.3;
    /** Never below: some calls keep getting through. */
    static final double MIN_SHARE = 0.02;

    private final int maxPending;
    private final int workers;
    private final boolean control;
    private final AtomicInteger pending = new AtomicInteger();
    private final LongAdder busyNanos = new LongAdder();
    private final List<InputWatch> inputs = new CopyOnWriteArrayList<>();
    private volatile double share = 1.0;
    private volatile double occupancy;
    private volatile long backlogNanos;
    private long intervalStart;

    /**
     * @param workers the threads that handle messages (the UDP readers), what full occupancy is measured against
     * @param control whether a standing queue cuts the share (off: only {@code maxPending} bounds admission)
     */
    Admission(int maxPending, int workers, boolean control, long nowNanos) {
        if (maxPending < 1 || workers < 1) {
            throw new IllegalArgumentException("maxPending and workers must be at least 1");
        }
        this.maxPending = maxPending;
        this.workers = workers;
        this.control = control;
        this.intervalStart = nowNanos;
    }

    /** Watch this input's queue too. */
    void watch(InputWatch input) {
        inputs.add(input);
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

    /** Ends a measuring interval: a standing queue at its end cuts the share admitted in the next one. */
    synchronized void endInterval(long nowNanos) {
        long elapsed = nowNanos - intervalStart;
        if (elapsed <= 0) {
            return;
        }
        intervalStart = nowNanos;
        occupancy = Math.min(1.0, busyNanos.sumThenReset() / ((double) workers * elapsed));
        long backlog = 0;
        for (InputWatch input : inputs) {
            backlog = Math.max(backlog, input.backlogNanos(nowNanos));
        }
        backlogNanos = backlog;
        if (!control) {
            return;
        }
        double factor = backlog >= STANDING_MILLIS * 1_000_000 ? CUT : growth(occupancy);
        share = Math.max(MIN_SHARE, Math.min(1.0, share * factor));
    }

    /** The share's factor after an interval without a standing queue in which the readers were this busy. */
    static double growth(double occupancy) {
        return occupancy <= HEADROOM / MAX_GROWTH ? MAX_GROWTH : Math.max(GROWTH, HEADROOM / occupancy);
    }

    /** The share of new requests admitted now, 0.02 to 1. */
    double share() {
        return share;
    }

    /** How long the most backed-up input had gone without being found empty, at the last interval's end. */
    long backlogMillis() {
        return backlogNanos / 1_000_000;
    }

    /** The I/O threads' busy share of wall time over the last interval, 0 to 1. */
    double occupancy() {
        return occupancy;
    }
}
