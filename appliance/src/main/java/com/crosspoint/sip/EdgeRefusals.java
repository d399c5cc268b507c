package com.crosspoint.sip;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the SIP edge refused because a limit was reached, counted per reason. The operator reads the counts in the
 * log: one line at most once per interval, written by the first refusal after the interval is over, with what was
 * refused since the last line and since start. A flood of refusals thus costs one log line a minute, not one each.
 */
public final class EdgeRefusals {
    private static final Logger LOG = LoggerFactory.getLogger(EdgeRefusals.class);

    /** Why a request or connection was refused; the name is what the log line shows. */
    public enum Reason {
        /** A header value longer than the appliance stores (400). */
        OVERSIZE_HEADER("oversize-header"),
        /** A REGISTER listing more contacts than an address of record may have (403). */
        CONTACTS_PER_AOR("contacts-per-aor"),
        /** An INVITE from a device that holds its share of calls (486). */
        CALLS_PER_DEVICE("calls-per-device"),
        /** An INVITE from a tenant that holds its share of the node's calls (503). */
        CALLS_PER_TENANT("calls-per-tenant"),
        /** A SUBSCRIBE beyond a user's share of message-summary subscriptions (403). */
        SUBSCRIPTIONS_PER_USER("subscriptions-per-user"),
        /** A TCP/TLS connection beyond its source address's share, closed as accepted. */
        TCP_CONNECTIONS_PER_SOURCE("tcp-connections-per-source"),
        /** An idle TCP/TLS connection that carried no registration, closed. */
        TCP_IDLE_CLOSED("tcp-idle-closed"),
        /** An attempt on an account in back-off from a source that never authenticated as it (403, unverified). */
        ACCOUNT_BACK_OFF("account-back-off");

        private final String label;

        Reason(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final AtomicLongArray counts = new AtomicLongArray(Reason.values().length);
    private final long[] reported = new long[Reason.values().length];
    private final AtomicLong nextReportAt;
    private final long intervalMillis;
    private final LongSupplier clock;
    private final Consumer<String> log;

    /** @param clock milliseconds */
    public EdgeRefusals(Duration interval, LongSupplier clock) {
        this(interval, clock, LOG::warn);
    }

    /** @param log where the report lines go (the tests read them) */
    EdgeRefusals(Duration interval, LongSupplier clock, Consumer<String> log) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive: " + interval);
        }
        this.intervalMillis = interval.toMillis();
        this.clock = clock;
        this.log = log;
        this.nextReportAt = new AtomicLong(clock.getAsLong());
    }

    public void count(Reason reason) {
        counts.incrementAndGet(reason.ordinal());
        long now = clock.getAsLong();
        long due = nextReportAt.get();
        if (now >= due && nextReportAt.compareAndSet(due, now + intervalMillis)) {
            report();
        }
    }

    /** The counts since start. */
    public Map<Reason, Long> snapshot() {
        Map<Reason, Long> out = new EnumMap<>(Reason.class);
        for (Reason r : Reason.values()) {
            out.put(r, counts.get(r.ordinal()));
        }
        return out;
    }

    /** Reached by the thread that won the interval's compare-and-set; synchronized for {@code reported}'s visibility. */
    private synchronized void report() {
        StringJoiner recent = new StringJoiner(", ");
        StringJoiner total = new StringJoiner(", ");
        for (Reason r : Reason.values()) {
            long n = counts.get(r.ordinal());
            if (n > reported[r.ordinal()]) {
                recent.add(r.label() + "=" + (n - reported[r.ordinal()]));
            }
            if (n > 0) {
                total.add(r.label() + "=" + n);
            }
            reported[r.ordinal()] = n;
        }
        log.accept("SIP edge refused (limits, since the last report): " + recent + "; since start: " + total);
    }
}
