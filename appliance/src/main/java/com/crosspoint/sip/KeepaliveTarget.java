package com.crosspoint.sip;

import com.crosspoint.model.Binding;
import java.time.Instant;

/**
 * One flow {@link NatKeepalives} pings: its binding, when the next ping is due, whether one is outstanding, and the
 * pings missed in a row. Due checks run on the timer thread, results on JAIN-SIP threads: hence the lock.
 */
final class KeepaliveTarget {
    /** Unanswered pings in a row before a flow is noted as unanswering. */
    static final int NOTED_AFTER = 3;

    private volatile Binding binding;
    private Instant next;
    private boolean outstanding;
    private int missed;
    private Instant missingSince;

    KeepaliveTarget(Binding binding, Instant next) {
        this.binding = binding;
        this.next = next;
    }

    Binding binding() {
        return binding;
    }

    /** A refresh of the binding (its flow may have moved): pinged where it is now, on the same schedule. */
    KeepaliveTarget refreshed(Binding b) {
        binding = b;
        return this;
    }

    /** Due when the interval passed and no ping is outstanding: never two pings in flight to one flow. */
    synchronized boolean due(Instant now) {
        return !outstanding && !now.isBefore(next);
    }

    synchronized void sending(Instant nextPing) {
        outstanding = true;
        next = nextPing;
    }

    /** Records a result; returns the misses in a row, or -1 when an answer ended a noted run of misses. */
    synchronized int answered(boolean answered, Instant now) {
        outstanding = false;
        if (answered) {
            boolean wasNoted = missed >= NOTED_AFTER;
            missed = 0;
            missingSince = null;
            return wasNoted ? -1 : 0;
        }
        if (missed == 0) {
            missingSince = now;
        }
        return ++missed;
    }

    synchronized Instant missingSince() {
        return missingSince;
    }
}
