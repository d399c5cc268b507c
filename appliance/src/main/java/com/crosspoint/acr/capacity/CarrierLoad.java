package com.crosspoint.acr.capacity;

/**
 * A carrier's live calls (channels in use) and the calls started in the current second, against its limits
 * ({@code 0} = no limit). Calls per second are counted per calendar second: simple and cheap, and a burst at a
 * second's edge is bounded by twice the limit.
 */
public final class CarrierLoad {
    private int channels;
    private long second = Long.MIN_VALUE;
    private int startedThisSecond;

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

    private int startedIn(long now) {
        return now == second ? startedThisSecond : 0;
    }
}
