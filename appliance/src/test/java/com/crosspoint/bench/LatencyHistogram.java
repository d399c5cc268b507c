package com.crosspoint.bench;

/**
 * One-way delays in microseconds: 1 µs buckets up to 10 ms, 100 µs buckets up to 1 s, then one overflow bucket.
 * Not thread-safe: each receiving thread keeps its own and they are merged after the run.
 */
public final class LatencyHistogram {
    private static final int FINE_LIMIT_MICROS = 10_000;
    private static final int COARSE_STEP = 100;
    private static final int BUCKETS = FINE_LIMIT_MICROS + 9_900 + 1;

    private final long[] counts = new long[BUCKETS];
    private long total;

    public void record(long micros) {
        int bucket;
        if (micros < 0) {
            bucket = 0;
        } else if (micros < FINE_LIMIT_MICROS) {
            bucket = (int) micros;
        } else {
            bucket = (int) Math.min(BUCKETS - 1, FINE_LIMIT_MICROS + (micros - FINE_LIMIT_MICROS) / COARSE_STEP);
        }
        counts[bucket]++;
        total++;
    }

    public void add(LatencyHistogram other) {
        for (int i = 0; i < BUCKETS; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
    }

    /** A copy of the samples so far (the caller holds whatever lock guards this one). */
    public LatencyHistogram copy() {
        LatencyHistogram c = new LatencyHistogram();
        c.add(this);
        return c;
    }

    public long count() {
        return total;
    }

    /** The delay at or below which {@code percent} of the samples lie, in milliseconds; 0 without samples. */
    public double percentileMillis(double percent) {
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(total * percent / 100.0);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                long micros = i < FINE_LIMIT_MICROS ? i : FINE_LIMIT_MICROS + (long) (i - FINE_LIMIT_MICROS) * COARSE_STEP;
                return micros / 1000.0;
            }
        }
        return Double.POSITIVE_INFINITY;
    }
}
