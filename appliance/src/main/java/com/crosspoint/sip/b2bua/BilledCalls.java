package com.crosspoint.sip.b2bua;

import com.crosspoint.billing.RunningCalls;
import com.crosspoint.model.CallEndReason;
import com.crosspoint.model.CallRecord;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The outside calls with a billing allowance that are in progress, by call id: what a freeze ends, and why the
 * appliance ended a call, for its CDR. Added to and removed from on the calls' lanes, read from billing's threads.
 */
final class BilledCalls implements RunningCalls {
    private final Map<String, CallAllowance> running = new ConcurrentHashMap<>();
    private final Map<String, CallEndReason> endedBy = new ConcurrentHashMap<>();

    void add(CallAllowance allowance) {
        running.put(allowance.callId(), allowance);
    }

    /** The allowance of {@code callId} is over: the call ended, or {@code why} ends it (null: not billing). */
    void remove(String callId, CallEndReason why) {
        if (running.remove(callId) != null && why != null) {
            endedBy.put(callId, why);
        }
    }

    @Override
    public int endFrozen(long tenantId, Long userId) {
        int told = 0;
        for (CallAllowance a : running.values()) {
            if (a.tenantId() == tenantId && (userId == null || userId.equals(a.userId()))) {
                a.frozen();
                told++;
            }
        }
        return told;
    }

    /** {@code record} with the reason billing ended its call, if it did; the reason is forgotten. */
    CallRecord stamped(CallRecord record) {
        CallEndReason why = endedBy.remove(record.callId());
        return why == null ? record : record.endedBecause(why);
    }

    int size() {
        return running.size();
    }
}
