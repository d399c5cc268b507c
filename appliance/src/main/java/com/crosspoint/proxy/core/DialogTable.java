package com.crosspoint.proxy.core;

import com.crosspoint.proxy.transport.Flow;
import com.crosspoint.proxy.transport.Transport;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The answered calls whose end someone waits for (a {@link BranchOutcome}), by Call-ID: a BYE through the
 * record-routed proxy ends one. Bounded: when full, a new dialog is ended at once (its duration is lost, its channel
 * freed), and {@link #sweep} ends dialogs older than the longest call, whose BYE took another way or was lost.
 *
 * <p>The caller's report on the media it received (a header on the BYE, see {@link MediaReports}) is taken only
 * from the caller's side: from its BYE, or, when the callee hung up, from the caller's answer to that BYE (the dialog
 * waits for it, at most {@link #BYE_ANSWER_NANOS}). A report the callee sends about itself is never taken.
 */
final class DialogTable {
    /** How long a dialog the callee hung up waits for the caller's answer to the BYE (Timer F, 64 × T1). */
    static final long BYE_ANSWER_NANOS = 32_000_000_000L;

    /** {@code closing}: the callee's BYE came at {@code byeNanos}, the caller's answer is awaited. */
    private record Entry(BranchOutcome outcome, long answeredNanos, Flow caller, boolean closing, long byeNanos) {
        Entry closingAt(long nowNanos) {
            return new Entry(outcome, answeredNanos, caller, true, nowNanos);
        }
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

    /** The call answered; {@code caller} is the flow its INVITE came on (the side whose media report counts). */
    void answered(String callId, BranchOutcome outcome, Flow caller, long nowNanos) {
        if (dialogs.size() >= capacity) {
            untracked.incrementAndGet();
            outcome.dialogEnded(null);
            return;
        }
        Entry previous = dialogs.put(callId, new Entry(outcome, nowNanos, caller, false, 0));
        if (previous != null && previous.outcome() != outcome) {
            previous.outcome().dialogEnded(null); // the same Call-ID answered again: the older one cannot be told apart
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

    /**
     * A BYE of the dialog came from {@code source} with {@code report} (null: none): the caller's ends the dialog
     * now; the callee's leaves it waiting for the caller's answer, which carries the caller's report.
     */
    void bye(String callId, Flow source, String report, long nowNanos) {
        Entry e = dialogs.get(callId);
        if (e == null || e.closing()) {
            return;
        }
        if (sameSide(e.caller(), source)) {
            if (dialogs.remove(callId, e)) {
                e.outcome().dialogEnded(report);
            }
        } else {
            dialogs.replace(callId, e, e.closingAt(nowNanos));
        }
    }

    /** The final answer to a BYE the callee sent: it came from the caller, with its report (null: none). */
    void byeAnswered(String callId, String report) {
        Entry e = dialogs.get(callId);
        if (e != null && e.closing() && dialogs.remove(callId, e)) {
            e.outcome().dialogEnded(report);
        }
    }

    /** Ends the dialogs answered more than the longest call ago, and those whose BYE went unanswered. */
    void sweep(long nowNanos) {
        for (Iterator<Map.Entry<String, Entry>> it = dialogs.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Entry> e = it.next();
            Entry v = e.getValue();
            boolean unanswered = v.closing() && nowNanos - v.byeNanos() > BYE_ANSWER_NANOS;
            if ((unanswered || nowNanos - v.answeredNanos() > maxAgeNanos) && dialogs.remove(e.getKey(), v)) {
                if (!unanswered) {
                    expired.incrementAndGet();
                }
                v.outcome().dialogEnded(null);
            }
        }
    }

    /**
     * Whether a message from {@code source} comes from the caller: the same address and port over UDP; over a stream
     * the same host (a new connection has a new port).
     */
    private static boolean sameSide(Flow caller, Flow source) {
        if (caller == null || source == null) {
            return false;
        }
        if (caller.transport() == Transport.UDP && source.transport() == Transport.UDP) {
            return caller.remote().equals(source.remote());
        }
        return caller.remote().getAddress().equals(source.remote().getAddress());
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
