package com.crosspoint.billing.limits;

import java.time.Instant;

/**
 * What was spent in the last hour or day, sliding: one bucket per minute over 24 hours, so "the last hour" is this
 * minute and the 59 before it. Sliding rather than calendar windows, because a calendar hour lets a fraudster spend
 * twice the limit across its boundary. Not thread-safe: its owner's lock guards it.
 */
public final class SpendWindow {
    public static final int HOUR = 60;
    public static final int DAY = 24 * 60;

    private final long[] micros = new long[DAY];
    private final long[] minuteOf = new long[DAY];

    public SpendWindow() {
        java.util.Arrays.fill(minuteOf, -1);
    }

    /** Counts {@code amount} at the minute of {@code at}; a minute already out of every window is ignored. */
    public void add(Instant at, long amount, Instant now) {
        long minute = minute(at);
        if (minute <= minute(now) - DAY) {
            return;
        }
        int slot = (int) Math.floorMod(minute, (long) DAY);
        if (minuteOf[slot] != minute) {
            minuteOf[slot] = minute;
            micros[slot] = 0;
        }
        micros[slot] += amount;
    }

    /** The sum of the last {@code minutes} minutes up to and including the minute of {@code now}. */
    public long sum(Instant now, int minutes) {
        long current = minute(now);
        long total = 0;
        for (int i = 0; i < minutes; i++) {
            long minute = current - i;
            int slot = (int) Math.floorMod(minute, (long) DAY);
            if (minuteOf[slot] == minute) {
                total += micros[slot];
            }
        }
        return total;
    }

    private static long minute(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), 60L);
    }
}
