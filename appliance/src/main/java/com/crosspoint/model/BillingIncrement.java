package com.crosspoint.model;

/**
 * How a carrier bills a call's duration, as in "60/60" or "1/1": the first {@code firstSeconds} are billed
 * whole, then every started {@code nextSeconds}.
 */
public record BillingIncrement(int firstSeconds, int nextSeconds) {
    public static final int MAX_SECONDS = 3600;
    public static final BillingIncrement PER_MINUTE = new BillingIncrement(60, 60);
    public static final BillingIncrement PER_SECOND = new BillingIncrement(1, 1);

    public BillingIncrement {
        if (firstSeconds < 1 || firstSeconds > MAX_SECONDS || nextSeconds < 1 || nextSeconds > MAX_SECONDS) {
            throw new IllegalArgumentException("increments must be in [1, " + MAX_SECONDS + "] seconds: "
                    + firstSeconds + "/" + nextSeconds);
        }
    }

    /** The seconds billed for a call of {@code seconds}; a call of 0 seconds is not billed. */
    public long billedSeconds(long seconds) {
        if (seconds <= 0) {
            return 0;
        }
        if (seconds <= firstSeconds) {
            return firstSeconds;
        }
        long rest = seconds - firstSeconds;
        return firstSeconds + (rest + nextSeconds - 1) / nextSeconds * nextSeconds;
    }

    @Override
    public String toString() {
        return firstSeconds + "/" + nextSeconds;
    }
}
