package com.crosspoint.chat;

import java.time.Clock;

/**
 * A token bucket: {@code burst} messages at once, then {@code perSecond} on average. Not thread-safe: one per
 * visitor, used under the chat service's lock.
 */
final class MessageRate {
    private final double perSecond;
    private final int burst;
    private final Clock clock;
    private double tokens;
    private long lastMillis;

    MessageRate(double perSecond, int burst, Clock clock) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.clock = clock;
        this.tokens = burst;
        this.lastMillis = clock.millis();
    }

    /** Takes one token; false when the bucket is empty (the message is refused, not queued). */
    boolean tryTake() {
        long now = clock.millis();
        tokens = Math.min(burst, tokens + Math.max(0, now - lastMillis) * perSecond / 1000.0);
        lastMillis = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
