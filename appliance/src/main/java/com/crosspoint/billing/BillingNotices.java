package com.crosspoint.billing;

import com.crosspoint.events.BillingEvent;
import com.crosspoint.events.EventBus;
import com.crosspoint.model.Money;
import com.crosspoint.model.RatedCall;
import java.time.Clock;
import java.util.Objects;

/**
 * The node's {@link BillingListener}: every piece of billing news becomes a {@link BillingEvent} (dashboards, the
 * event stream), and a freeze ends the frozen account's or user's running calls at once. The PBX starts after
 * billing, so its calls are attached later ({@link #attach}); until then there are none to end.
 */
public final class BillingNotices implements BillingListener {
    private final EventBus events;
    private final Clock clock;
    private volatile RunningCalls calls = RunningCalls.NONE;

    public BillingNotices(EventBus events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    public void attach(RunningCalls running) {
        calls = Objects.requireNonNull(running, "running");
    }

    @Override
    public void fundsLow(long tenantId, Money available, Money threshold) {
        events.publish(BillingEvent.fundsLow(tenantId, available, threshold, clock.instant()));
    }

    @Override
    public void refused(CallStart call, Refusal reason, String detail) {
        events.publish(BillingEvent.refused(call.tenantId(), call.userId(), call.callId(), call.destination(),
                reason.name(), detail, clock.instant()));
    }

    @Override
    public void rated(RatedCall call) {
        events.publish(BillingEvent.rated(call.call().tenantId(), call.call().userId(), call.call().callId(),
                call.call().destination(), call.price(), call.cost(), clock.instant()));
    }

    @Override
    public void frozen(long tenantId, Long userId, boolean frozen) {
        if (frozen) {
            calls.endFrozen(tenantId, userId); // hands off to the calls' lanes: returns at once
        }
        events.publish(BillingEvent.frozen(tenantId, userId, frozen, clock.instant()));
    }
}
