package com.crosspoint.router;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * New calls per second each customer may start through the router: a token bucket per customer holding one second
 * of calls, so a looping or flooding PBX gets 503 + Retry-After for its excess while the other customers' calls go
 * on. A customer is known by its source address or by its digest username ({@link #byAddress}, {@link #byUsername}).
 * The buckets are made at start for the known customers only (strangers are refused before), so a flood of spoofed
 * sources cannot grow them. Refusals are counted.
 */
public final class CustomerCallLimit {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final int perSecond;
    private final Map<String, Bucket> buckets;
    private final LongSupplier nanos;
    private final LongAdder refused = new LongAdder();

    /**
     * @param perSecond new calls a second per customer; 0 = no limit
     * @param customers the customers' keys ({@link #byAddress}, {@link #byUsername})
     */
    public CustomerCallLimit(int perSecond, Set<String> customers, LongSupplier nanos) {
        if (perSecond < 0) {
            throw new IllegalArgumentException("calls per second must not be negative: " + perSecond);
        }
        this.perSecond = perSecond;
        this.nanos = nanos;
        Map<String, Bucket> map = new HashMap<>();
        long now = nanos.getAsLong();
        for (String customer : customers) {
            map.put(customer, new Bucket(perSecond, now));
        }
        this.buckets = Map.copyOf(map);
    }

    /** No limit. */
    public static CustomerCallLimit none() {
        return new CustomerCallLimit(0, Set.of(), () -> 0);
    }

    /** The key of a customer known by its source address. */
    public static String byAddress(InetAddress address) {
        return address.getHostAddress();
    }

    /** The key of a customer known by its digest username. */
    public static String byUsername(String username) {
        return "digest:" + username;
    }

    /** Whether the customer of this key may start a call now (takes one token); a refusal is counted. */
    public boolean admits(String customer) {
        if (perSecond == 0) {
            return true;
        }
        Bucket bucket = buckets.get(customer);
        if (bucket == null || bucket.take(perSecond, nanos.getAsLong())) {
            return true;
        }
        refused.increment();
        return false;
    }

    /** Calls refused because their customer was over its limit. */
    public long refused() {
        return refused.sum();
    }

    public int perSecond() {
        return perSecond;
    }

    /** Tokens in millionths, so that a fraction of a second refills a fraction of a call. */
    private static final class Bucket {
        private long microTokens;
        private long last;

        Bucket(int perSecond, long now) {
            this.microTokens = perSecond * 1_000_000L;
            this.last = now;
        }

        synchronized boolean take(int perSecond, long now) {
            long capacity = perSecond * 1_000_000L;
            long elapsed = Math.max(0, now - last);
            last = now;
            // elapsed is bounded by a refill of the whole bucket to keep the product in range
            long refill = Math.min(elapsed, NANOS_PER_SECOND) * perSecond / 1_000;
            microTokens = Math.min(capacity, microTokens + refill);
            if (microTokens < 1_000_000L) {
                return false;
            }
            microTokens -= 1_000_000L;
            return true;
        }
    }
}
