package com.crosspoint.acd.report;

import java.time.Duration;
import java.time.Instant;

/** The length of a statistics interval; intervals start at whole multiples of it in UTC (days at midnight UTC). */
public enum Interval {
    FIFTEEN_MINUTES(Duration.ofMinutes(15)), HOUR(Duration.ofHours(1)), DAY(Duration.ofDays(1));

    private final Duration length;

    Interval(Duration length) {
        this.length = length;
    }

    public Duration length() {
        return length;
    }

    /** The start of the interval {@code at} falls in. */
    public Instant start(Instant at) {
        long seconds = length.toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), seconds) * seconds);
    }
}
