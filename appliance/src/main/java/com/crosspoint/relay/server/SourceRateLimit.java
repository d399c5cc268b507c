package com.crosspoint.relay.server;

import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * At most {@code perSecond} STUN requests answered per source address and second. A STUN answer is bigger than its
 * request, so without a cap the server would multiply a flood sent with a forged source at that source; the excess
 * is dropped unanswered and counted. Memory is bounded: past {@code maxSources} addresses, windows of past seconds
 * are dropped, then (under a flood of distinct sources) all of them.
 */
final class SourceRateLimit {
    private final int perSecond;
    private final int maxSources;
    private final LongSupplier clock;
    private final Map<InetAddress, long[]> windows = new ConcurrentHashMap<>();
    private final LongAdder refused = new LongAdder();

    SourceRateLimit(int perSecond, int maxSources, LongSupplier millis) {
        this.perSecond = perSecond;
        this.maxSources = maxSources;
        this.clock = millis;
    }

    boolean allows(InetAddress source) {
        long second = clock.getAsLong() / 1000;
        if (windows.size() >= maxSources) {
            windows.values().removeIf(w -> w[0] != second);
            if (windows.size() >= maxSources) {
                windows.clear();
            }
        }
        long[] window = windows.computeIfAbsent(source, k -> new long[] {second, 0});
        boolean allowed;
        synchronized (window) {
            if (window[0] != second) {
                window[0] = second;
                window[1] = 0;
            }
            allowed = ++window[1] <= perSecond;
        }
        if (!allowed) {
            refused.increment();
        }
        return allowed;
    }

    long refused() {
        return refused.sum();
    }
}
