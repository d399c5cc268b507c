package com.crosspoint.sip.b2bua;

import com.crosspoint.events.BillingEvent;
import com.crosspoint.model.CallEndReason;
import com.crosspoint.model.Reservation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * The talk time billing granted one outside call (issue 14): from the answer, a timer ends the call (BYE to both
 * sides) when the granted seconds are used up, {@link CutOff} says when and why; a freeze ends it at once. Timers
 * run on the call's lane; {@link #frozen} may be called from any thread and hops there.
 */
final class CallAllowance {
    private final B2buaCall call;
    private final Reservation reservation;
    private final CallEndReason atEnd;
    private final BilledCalls running;
    private final Duration warningBefore;
    private final Consumer<BillingEvent> publish;
    private final Clock clock;
    private CallTimer cutOff = CallTimer.NONE;
    private CallTimer warning = CallTimer.NONE;
    private boolean over;

    CallAllowance(B2buaCall call, Reservation reservation, CallEndReason atEnd, OutsideBilling billing, Clock clock) {
        this.clock = clock;
        this.call = call;
        this.reservation = reservation;
        this.atEnd = atEnd;
        this.running = billing.running();
        this.warningBefore = billing.cutOffWarning();
        this.publish = billing.publish();
        running.add(this);
    }

    String callId() {
        return call.id();
    }

    long tenantId() {
        return reservation.tenantId();
    }

    Long userId() {
        return reservation.userId();
    }

    /** The call was answered at {@code at}: the granted time runs from now. */
    void answered(Instant at) {
        if (over) {
            return;
        }
        long granted = reservation.grantedSeconds();
        cutOff = call.schedule(CutOff.delay(at, granted, at), () -> end(atEnd));
        Duration warnIn = CutOff.warning(at, granted, warningBefore, at);
        if (warnIn != null) {
            warning = call.schedule(warnIn, () -> publish.accept(BillingEvent.callEnding(tenantId(), userId(),
                    callId(), warningBefore.toSeconds(), clock.instant())));
        }
    }

    /** The account or the user was frozen: the call ends as soon as its lane takes it. */
    void frozen() {
        call.onLane(() -> end(CallEndReason.FROZEN));
    }

    /** The call ended on its own (or never went out): nothing more to time. */
    void over() {
        if (!over) {
            over = true;
            cancelTimers();
            running.remove(callId(), null);
        }
    }

    private void end(CallEndReason why) {
        if (over) {
            return;
        }
        over = true;
        cancelTimers();
        running.remove(callId(), why);
        publish.accept(BillingEvent.cutOff(tenantId(), userId(), callId(), why.text(), clock.instant()));
        call.hangUp();
    }

    private void cancelTimers() {
        cutOff.cancel();
        warning.cancel();
    }
}
