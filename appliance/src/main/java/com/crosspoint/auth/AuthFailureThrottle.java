package com.crosspoint.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Blocks a source (e.g. an IP address) that fails authentication too often: more than
 * {@code failureLimit} counted failures within a sliding {@code window} blocks it for
 * {@code blockDuration}.
 *
 * <p>Only failures that look like guessing count ({@link #COUNTED_REASONS}); a missing
 * Authorization is the normal first step of every exchange and a stale nonce proves the password
 * was right. Success resets nothing: otherwise one valid account would let a source keep guessing
 * the passwords of others. Sources are independent of each other.
 *
 * <p>Thread-safe. Memory is bounded by {@code maxTrackedSources}: idle sources are dropped first,
 * then the least recently failing unblocked ones, then blocked ones.
 */
public final class AuthFailureThrottle {

    /** Failure reasons that count towards a block. */
    public static final Set<AuthFailureReason> COUNTED_REASONS = Collections.unmodifiableSet(EnumSet.of(
            AuthFailureReason.BAD_RESPONSE, AuthFailureReason.UNKNOWN_USER, AuthFailureReason.WRONG_REALM));

    private final int failureLimit;
    private final long windowMillis;
    private final long blockMillis;
    private final int maxTrackedSources;
    private final Clock clock;
    private final ConcurrentHashMap<String, SourceFailures> sources = new ConcurrentHashMap<>();
    private final AtomicBoolean trimming = new AtomicBoolean();

    /**
     * @param failureLimit      counted failures a source may have within {@code window}; one more blocks it.
     *                          Each tracked source keeps {@code failureLimit + 1} timestamps.
     * @param window            length of the sliding window
     * @param blockDuration     how long a block lasts
     * @param maxTrackedSources cap on remembered sources
     */
    public AuthFailureThrottle(int failureLimit, Duration window, Duration blockDuration, int maxTrackedSources,
                               Clock clock) {
        if (failureLimit < 0) {
            throw new IllegalArgumentException("failureLimit must not be negative: " + failureLimit);
        }
        if (!isPositive(window) || !isPositive(blockDuration)) {
            throw new IllegalArgumentException("window and blockDuration must be positive");
        }
        if (maxTrackedSources < 1) {
            throw new IllegalArgumentException("maxTrackedSources must be positive: " + maxTrackedSources);
        }
        this.failureLimit = failureLimit;
        this.windowMillis = window.toMillis();
        this.blockMillis = blockDuration.toMillis();
        this.maxTrackedSources = maxTrackedSources;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Notes a failed authentication from {@code source}; reasons outside {@link #COUNTED_REASONS}
     * are ignored.
     *
     * @return whether the source is blocked now
     */
    public boolean recordFailure(String source, AuthFailureReason reason) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reason, "reason");
        long now = clock.millis();
        if (!COUNTED_REASONS.contains(reason)) {
            return isBlocked(source, now);
        }
        while (true) {
            SourceFailures failures = sources.computeIfAbsent(source, key -> new SourceFailures(failureLimit + 1));
            Boolean blocked = failures.record(now, windowMillis, blockMillis);
            if (blocked != null) {
                if (sources.size() > maxTrackedSources) {
                    trim(now);
                }
                return blocked;
            }
            // The entry was evicted between lookup and record; count on a fresh one.
        }
    }

    /** Whether requests from {@code source} should be refused without verifying them. */
    public boolean isBlocked(String source) {
        return isBlocked(Objects.requireNonNull(source, "source"), clock.millis());
    }

    /** How many sources are remembered (for metrics and tests). */
    public int trackedSourceCount() {
        return sources.size();
    }

    private boolean isBlocked(String source, long now) {
        SourceFailures failures = sources.get(source);
        return failures != null && failures.isBlocked(now);
    }

    /** Brings the map down to 90% of the cap so the sort cost is shared by many insertions. */
    private void trim(long now) {
        if (!trimming.compareAndSet(false, true)) {
            return;
        }
        try {
            sources.forEach((source, failures) -> {
                if (failures.isIdle(now, windowMillis)) {
                    evict(source, failures);
                }
            });
            int target = maxTrackedSources - maxTrackedSources / 10;
            if (sources.size() <= target) {
                return;
            }
            // Sort a snapshot: entries keep changing, and a comparator over live values may break the sort.
            List<EvictionCandidate> candidates = new ArrayList<>(sources.size());
            sources.forEach((source, failures) -> candidates.add(
                    new EvictionCandidate(source, failures, failures.isBlocked(now), failures.lastFailureAt())));
            candidates.sort(Comparator.comparing(EvictionCandidate::blocked)
                    .thenComparingLong(EvictionCandidate::lastFailureAt));
            for (int i = 0; i < candidates.size() && sources.size() > target; i++) {
                evict(candidates.get(i).source(), candidates.get(i).failures());
            }
        } finally {
            trimming.set(false);
        }
    }

    private void evict(String source, SourceFailures failures) {
        failures.retire();
        sources.remove(source, failures);
    }

    private static boolean isPositive(Duration duration) {
        return duration != null && !duration.isNegative() && !duration.isZero();
    }

    private record EvictionCandidate(String source, SourceFailures failures, boolean blocked, long lastFailureAt) {
    }

    /** The recent failure times of one source in a ring buffer, and its block. */
    private static final class SourceFailures {
        private final long[] failureTimes;
        private int next;
        private int count;
        private long lastFailureAt;
        private volatile long blockedUntil = Long.MIN_VALUE;
        private boolean retired;

        SourceFailures(int capacity) {
            this.failureTimes = new long[capacity];
        }

        /** Adds a failure; returns whether the source is blocked, or null if this entry was evicted. */
        synchronized Boolean record(long now, long windowMillis, long blockMillis) {
            if (retired) {
                return null;
            }
            failureTimes[next] = now;
            next = (next + 1) % failureTimes.length;
            count = Math.min(count + 1, failureTimes.length);
            lastFailureAt = now;
            // With the ring full, the slot about to be overwritten holds the oldest of the last
            // failureLimit + 1 failures; if even that one is inside the window, the limit is exceeded.
            if (count == failureTimes.length && now - failureTimes[next] < windowMillis) {
                blockedUntil = Math.max(blockedUntil, now + blockMillis);
            }
            return isBlocked(now);
        }

        boolean isBlocked(long now) {
            return now < blockedUntil;
        }

        synchronized long lastFailureAt() {
            return lastFailureAt;
        }

        synchronized boolean isIdle(long now, long windowMillis) {
            return !isBlocked(now) && now - lastFailureAt >= windowMillis;
        }

        synchronized void retire() {
            retired = true;
        }
    }
}
