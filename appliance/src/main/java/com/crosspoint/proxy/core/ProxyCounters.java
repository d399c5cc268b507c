package com.crosspoint.proxy.core;

import com.crosspoint.proxy.wire.ScanOutcome;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/** What the proxy did, counted: refusals by rule, overload answers, forwarded messages. Bad input is counted, not logged. */
public final class ProxyCounters {
    private final AtomicLongArray refused = new AtomicLongArray(ScanOutcome.values().length);
    final AtomicLong requests = new AtomicLong();
    final AtomicLong responses = new AtomicLong();
    final AtomicLong overloaded = new AtomicLong();
    final AtomicLong retransmissionsAbsorbed = new AtomicLong();
    final AtomicLong statelessForwards = new AtomicLong();
    final AtomicLong failovers = new AtomicLong();
    final AtomicLong dropped = new AtomicLong();
    final AtomicLong refusedByResolver = new AtomicLong();
    final AtomicLong targetsSkipped = new AtomicLong();
    final AtomicLong silentBranches = new AtomicLong();
    final AtomicLong challengesAnswered = new AtomicLong();
    final AtomicLong transportErrors = new AtomicLong();

    void countRefusal(ScanOutcome outcome) {
        refused.incrementAndGet(outcome.ordinal());
    }

    public long refused(ScanOutcome outcome) {
        return refused.get(outcome.ordinal());
    }

    /** Refusals by rule, only the non-zero ones. */
    public Map<ScanOutcome, Long> refusals() {
        Map<ScanOutcome, Long> out = new EnumMap<>(ScanOutcome.class);
        for (ScanOutcome o : ScanOutcome.values()) {
            if (refused.get(o.ordinal()) > 0) {
                out.put(o, refused.get(o.ordinal()));
            }
        }
        return out;
    }

    public long requests() {
        return requests.get();
    }

    public long responses() {
        return responses.get();
    }

    /** Requests answered 503 because the pending-transaction limit was reached. */
    public long overloaded() {
        return overloaded.get();
    }

    public long retransmissionsAbsorbed() {
        return retransmissionsAbsorbed.get();
    }

    public long statelessForwards() {
        return statelessForwards.get();
    }

    /** Branches started after an earlier one failed (408, 5xx, timeout). */
    public long failovers() {
        return failovers.get();
    }

    /** Messages dropped: responses not for us, unroutable responses, unanswerable refusals. */
    public long dropped() {
        return dropped.get();
    }

    /** Initial requests the {@link TargetResolver} refused (no route, not a customer, no carrier free). */
    public long refusedByResolver() {
        return refusedByResolver.get();
    }

    /** Targets skipped because their observer declined them (a carrier's channels or calls/s full). */
    public long targetsSkipped() {
        return targetsSkipped.get();
    }

    /** INVITE branches given up because the next hop stayed silent ({@code silenceMillis}). */
    public long silentBranches() {
        return silentBranches.get();
    }

    /** Hops' digest challenges answered by sending the request again with credentials. */
    public long challengesAnswered() {
        return challengesAnswered.get();
    }

    /**
     * Client transactions ended by a transport error: the connection to their hop failed (refused, TLS handshake
     * failed or overdue) before their request left.
     */
    public long transportErrors() {
        return transportErrors.get();
    }
}
