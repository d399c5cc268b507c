package com.crosspoint.acr;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts since start that only go up, for monitoring (Prometheus counters): per carrier the attempts started,
 * answered and failed (408 or 5xx: the carrier's fault), and the routing decisions, with those that found no
 * carrier. The quality windows slide; these do not.
 */
public final class AttemptTotals {
    /** One carrier's counts. */
    public static final class PerCarrier {
        private final LongAdder started = new LongAdder();
        private final LongAdder answered = new LongAdder();
        private final LongAdder failed = new LongAdder();

        public long started() {
            return started.sum();
        }

        public long answered() {
            return answered.sum();
        }

        public long failed() {
            return failed.sum();
        }
    }

    private final Map<Long, PerCarrier> carriers = new ConcurrentHashMap<>();
    private final LongAdder routed = new LongAdder();
    private final LongAdder unroutable = new LongAdder();

    public PerCarrier of(long carrierId) {
        return carriers.computeIfAbsent(carrierId, id -> new PerCarrier());
    }

    /** Routing decisions taken for calls ({@code route}, not {@code explain}). */
    public long routed() {
        return routed.sum();
    }

    /** Of them, those that found no carrier to try. */
    public long unroutable() {
        return unroutable.sum();
    }

    void routed(boolean anyCarrier) {
        routed.increment();
        if (!anyCarrier) {
            unroutable.increment();
        }
    }

    void started(long carrierId) {
        of(carrierId).started.increment();
    }

    void ended(long carrierId, boolean answered, boolean carrierFailed) {
        PerCarrier c = of(carrierId);
        if (answered) {
            c.answered.increment();
        }
        if (carrierFailed) {
            c.failed.increment();
        }
    }
}
