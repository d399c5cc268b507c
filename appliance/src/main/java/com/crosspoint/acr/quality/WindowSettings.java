package com.crosspoint.acr.quality;

import java.time.Duration;

/**
 * A sliding window of {@code buckets} buckets of {@code bucket} each: 15 buckets of a minute is a 15-minute window
 * that moves a minute at a time. An outcome counts in the bucket of its end.
 */
public record WindowSettings(Duration bucket, int buckets) {
    public static final WindowSettings DEFAULT = new WindowSettings(Duration.ofMinutes(1), 15);

    public WindowSettings {
        if (bucket.toMillis() < 1 || buckets < 1 || buckets > 1440) {
            throw new IllegalArgumentException("need a bucket of at least 1 ms and 1-1440 buckets: " + bucket + " x "
                    + buckets);
        }
    }

    public Duration length() {
        return bucket.multipliedBy(buckets);
    }
}
