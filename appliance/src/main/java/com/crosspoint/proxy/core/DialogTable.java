package com.crosspoint.proxy.core;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The answered calls whose end someone waits for (a {@link BranchOutcome}), by Call-ID: a BYE through the
 * record-routed proxy ends one. Bounded: when full, a new dialog is ended at once (its duration is lost, its channel
 * freed), and {@link #sweep} ends dialogs older than the longest call, whose BYE took another way or was lost.
 */
final class DialogTable {
    private record Entry(BranchOutcome outcome, long answeredNanos) {
    }

    private final ConcurrentHashMap<String, Entry> dialogs = new ConcurrentHashMap<>();
    private final int capacity;
    private final long maxAgeNanos;
    private final AtomicLong untracked = new AtomicLong();
    private final AtomicLong expired = new AtomicLong();

    DialogTable(int capacity, long maxAgeNanos) {
        this.capacity = capacity;
        this.maxAgeNanos = maxAgeNanos;
    }

    void answered(String callId, BranchOutcome outcome, long nowNanos) {
        if (dialogs.size() >= capacity) {
            untracked.incrementAndGet();
            outcome.dialogEnded();
            return;
        }
        Entry previous = dialogs.put(callId, new Entry(outcome, nowNanos));
        if (previous != null && previous.outcome() != outcome) {
            previous.outcome().dialogEnded(); // the same Call-ID answered again: the older one cannot be told apart
        }
    }

    /** Whether any dialog is tracked (so a BYE need not read its Call-ID otherwise). */
    boolean isEmpty() {
        return dialogs.isEmpty();
    }

    /** Whether the call of this Call-ID is tracked (answered through this proxy and not ended). */
    boolean tracks(String callId) {
        return dialogs.containsKey(callId);
    }

    void ended(String callId) {
        Entry e = dialogs.remove(callId);
        if (e != null) {
            e.outcome().dialogEnded();
        }
    }

    /** Ends the dialogs answered more than the longest call ago. */
    void sweep(long nowNanos) {
        for (Iterator<Map.Entry<String, Entry>> it = dialogs.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Entry> e = it.next();
            if (nowNanos - e.getValue().answeredNanos() > maxAgeNanos && dialogs.remove(e.getKey(), e.getValue())) {
                expired.incrementAndGet();
                e.getValue().outcome().dialogEnded();
            }
        }
    }

    int size() {
        return dialogs.size();
    }

    /** Answered calls not tracked because the table was full. */
    long untracked() {
        return untracked.get();
    }

    /** Dialogs ended by age, without a BYE seen. */
    long expired() {
        return expired.get();
    }
}
