package com.crosspoint.acr.capacity;

/**
 * A carrier's live calls (channels in use) and the calls started in the current second, against its limits
 * ({@code 0} = no limit). Calls per second are counted per calendar second: simple and cheap, and a burst at a
 * second's edge is bounded by twice the limit. For people, the calls started in each of the last
 * {@link #RATE_SECONDS} seconds are kept too: the current second alone flickers between 0 and a burst.
 */
public final class CarrierLoad {
    /** Whole seconds the shown rate of new calls averages over. */
    public static final int RATE_SECONDS = 10;

    private int channels;
    private long second = Long.MIN_VALUE;
    private int startedThisSecond;
    /** Calls started in second {@code s} at {@code [s % RATE_SECONDS]}, valid while {@code startedAt} holds s. */
    private final int[] startedIn = new int[RATE_SECONDS];
    private final long[] startedAt = new long[RATE_SECONDS];

    public CarrierLoad() {
        java.util.Arrays.fill(startedAt, Long.MIN_VALUE);
    }

    /** Whether a call could start now. */
    public synchronized boolean hasRoom(int maxChannels, int maxCallsPerSecond, long nowMillis) {
        return (maxChannels == 0 || channels < maxChannels)
                && (maxCallsPerSecond == 0 || startedIn(nowMillis / 1000) < maxCallsPerSecond);
    }

    /** Takes a channel and a share of the second's budget; false, changing nothing, when either is spent. */
    public synchronized boolean tryStart(int maxChannels, int maxCallsPerSecond, long nowMillis) {
        if (!hasRoom(maxChannels, maxCallsPerSecond, nowMillis)) {
            return false;
        }
        channels++;
        long now = nowMillis / 1000;
        if (now != second) {
            second = now;
            startedThisSecond = 0;
        }
        startedThisSecond++;
        int slot = (int) Math.floorMod(now, RATE_SECONDS);
        if (startedAt[slot] != now) {
            startedAt[slot] = now;
            startedIn[slot] = 0;
        }
        startedIn[slot]++;
        return true;
    }

    /** Frees the channel of a call that ended. */
    public synchronized void end() {
        if (channels > 0) {
            channels--;
        }
    }

    public synchronized int channels() {
        return channels;
    }

    public synchronized int callsThisSecond(long nowMillis) {
        return startedIn(nowMillis / 1000);
    }

    /**
     * Calls started per second over the {@link #RATE_SECONDS} whole seconds before the current one (which is still
     * filling up, so counting it would read low).
     */
    public synchronized double recentCallsPerSecond(long nowMillis) {
        long now = nowMillis / 1000;
        int calls = 0;
        for (long s = now - RATE_SECONDS; s < now; s++) {
            int slot = (int) Math.floorMod(s, RATE_SECONDS);
            if (startedAt[slot] == s) {
                calls += startedIn[slot];
            }
        }
        return (double) calls / RATE_SECONDS;
    }

    private int startedIn(long now) {
        return now == second ? startedThisSecond : 0;
    }
}
