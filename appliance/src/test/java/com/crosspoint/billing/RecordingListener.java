package com.crosspoint.billing;

import com.crosspoint.model.Money;
import com.crosspoint.model.RatedCall;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what billing told, for assertions. */
final class RecordingListener implements BillingListener {
    final List<String> lowFunds = new CopyOnWriteArrayList<>();
    final List<Refusal> refusals = new CopyOnWriteArrayList<>();
    final List<RatedCall> rated = new CopyOnWriteArrayList<>();
    final List<String> freezes = new CopyOnWriteArrayList<>();

    @Override
    public void fundsLow(long tenantId, Money available, Money threshold) {
        lowFunds.add(tenantId + ": " + available + " < " + threshold);
    }

    @Override
    public void refused(CallStart call, Refusal reason, String detail) {
        refusals.add(reason);
    }

    @Override
    public void rated(RatedCall call) {
        rated.add(call);
    }

    @Override
    public void frozen(long tenantId, Long userId, boolean frozen) {
        freezes.add(tenantId + "/" + userId + ": " + frozen);
    }
}
