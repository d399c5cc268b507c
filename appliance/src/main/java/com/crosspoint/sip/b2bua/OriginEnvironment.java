package com.crosspoint.sip.b2bua;

import com.crosspoint.call.CallSnapshot;
import com.crosspoint.call.CallState;
import com.crosspoint.call.voice.CallApplication;
import com.crosspoint.model.Binding;
import com.crosspoint.model.CallRecord;
import com.crosspoint.model.Tenant;
import com.crosspoint.model.User;
import com.crosspoint.routing.DialPlan;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The environment of a call the appliance places: the node's own, through which the {@link Origin} hears what
 * any call tells its environment anyway (its state, its record), so the call itself needs no second way to report.
 */
final class OriginEnvironment implements CallEnvironment {
    private final CallEnvironment env;
    private final Origin origin;

    OriginEnvironment(CallEnvironment env, Origin origin) {
        this.env = env;
        this.origin = origin;
    }

    @Override
    public void update(CallSnapshot snapshot) {
        env.update(snapshot);
        if (snapshot.state() == CallState.ANSWERED) {
            origin.connected();
        }
    }

    @Override
    public void finish(CallRecord record, CallSnapshot ended) {
        env.finish(record, ended);
        origin.ended(record.sipCause());
    }

    @Override
    public DialPlan dialPlan() {
        return env.dialPlan();
    }

    @Override
    public boolean followsForwarding() {
        return origin.followsForwarding();
    }

    @Override
    public List<Binding> phonesOf(Tenant tenant, User user) {
        return env.phonesOf(tenant, user);
    }

    @Override
    public Optional<OutsideLines> outsideLines() {
        return env.outsideLines();
    }

    @Override
    public Dialer dialer(B2buaCall call, int maxForwards) {
        return env.dialer(call, maxForwards);
    }

    @Override
    public ApplicationLeg answering(B2buaCall call, Leg phone, CallApplication app) {
        return env.answering(call, phone, app);
    }

    @Override
    public Optional<AnchoredMedia> anchoredMedia() {
        return env.anchoredMedia();
    }

    @Override
    public MediaAnchor anchor(String callId, Consumer<Runnable> lane, Runnable onMediaTimeout) {
        return env.anchor(callId, lane, onMediaTimeout);
    }

    @Override
    public void admit(String callId, Runnable task) {
        env.admit(callId, task);
    }

    @Override
    public void execute(String callId, Runnable task) {
        env.execute(callId, task);
    }

    @Override
    public CallTimer schedule(String callId, Duration after, Runnable task) {
        return env.schedule(callId, after, task);
    }

    @Override
    public CallTimer every(String callId, Duration period, Runnable task) {
        return env.every(callId, period, task);
    }

    @Override
    public Clock clock() {
        return env.clock();
    }

    @Override
    public void forget(B2buaCall call) {
        env.forget(call);
    }
}
