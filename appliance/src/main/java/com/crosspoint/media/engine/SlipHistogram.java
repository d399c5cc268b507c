package com.crosspoint.media.engine;

/**
 * Latencies in microseconds: 10 µs buckets up to 10 ms, 1 ms buckets up to 1 s, exact maximum. Written by one
 * thread (the pacing clock), read by any; methods are synchronized (never contended in practice).
 */
public final class SlipHistogram {
    private static final int FINE = 1000;      // 0..9.99 ms in 10 µs steps
    private static final int COARSE = 990;     // 10..999 ms in 1 ms steps
    private final long[] counts = new long[FINE + COARSE + 1];
    private long total;
    private long maxMicros;

    public synchronized void record(long micros) {
        long us = Math.max(0, micros);
        int bucket;
        if (us < 10_000) {
            bucket = (int) (us / 10);
        } else if (us < 1_000_000) {
            bucket = FINE + (int) (us / 1000 - 10);
        } else {
            bucket = FINE + COARSE;
        }
        counts[bucket]++;
        total++;
        maxMicros = Math.max(maxMicros, us);
    }

    public synchronized long count() {
        return total;
    }

    public synchronized long maxMicros() {
        return maxMicros;
    }

    /** The upper edge of the bucket holding the given quantile (0..1), in µs; 0 when empty. */
    public synchronized long percentileMicros(double quantile) {
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(quantile * total);
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= Math.max(1, rank)) {
                long edge = i < FINE ? (i + 1) * 10L : i < FINE + COARSE ? (i - FINE + 11) * 1000L : maxMicros;
                return Math.min(edge, maxMicros);
            }
        }
        return maxMicros;
    }

    /**
     * The non-empty buckets, upper edge in µs (the last, open-ended bucket: the maximum) to count. Two snapshots
     * subtracted give the histogram of the ticks in between (what {@code GET /api/v1/media} serves for benchmarks).
     */
    public synchronized java.util.SortedMap<Long, Long> buckets() {
        java.util.SortedMap<Long, Long> out = new java.util.TreeMap<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] != 0) {
                long edge = i < FINE ? (i + 1) * 10L : i < FINE + COARSE ? (i - FINE + 11) * 1000L : maxMicros;
                out.merge(edge, counts[i], Long::sum);
            }
        }
        return out;
    }

    public synchronized void reset() {
        java.util.Arrays.fill(counts, 0);
        total = 0;
        maxMicros = 0;
    }

    @Override
    public String toString() {
        return String.format("n=%d p50=%.2fms p99=%.2fms max=%.2fms", count(), percentileMicros(0.5) / 1000.0,
                percentileMicros(0.99) / 1000.0, maxMicros() / 1000.0);
    }
}
