package com.crosspoint.sip.b2bua;

import com.crosspoint.billing.Authorisation;
import com.crosspoint.billing.CallStart;
import com.crosspoint.call.ForwardingPolicy.Reason;
import com.crosspoint.model.User;
import com.crosspoint.routing.Destination;
import com.crosspoint.routing.Rejection;
import com.crosspoint.trunk.OutsideCall;
import com.crosspoint.trunk.TrunkIngress;
import com.crosspoint.trunk.TrunkTarget;
import java.util.List;
import java.util.Optional;
import javax.sip.message.Response;

/**
 * Placing a call outside the PBX: offered to one trunk server at a time, in the order {@link
 * com.crosspoint.trunk.Trunks} gives. A server that stays silent (not even 100 Trying) for the response timeout,
 * times out or answers 503 has failed: the call moves to the next, and the failure counts against the server's
 * health. Any other answer is the far end's: a 2xx connects the call, a refusal (busy, no such number) is passed to
 * the caller as it came. Reports to the same {@link Hunt.Listener} as ringing a user; touched only on the call's
 * lane.
 */
final class TrunkHunt implements RingListener, CalleeSearch {
    private final CallEnvironment env;
    private final B2buaCall call;
    private final Dialer dialer;
    private final Dialer.Party from;
    private final OutsideCall outside;
    private final byte[] offer;
    private final Hunt.Listener listener;
    private final OutsideLines lines;
    /** Who places the call, for billing: null when no user does (a call from outside forwarded out). */
    private final Long payer;
    /** The talk time billing granted; null for an unbilled call. */
    private CallAllowance allowance;
    private List<TrunkTarget> targets = List.of();
    private int next;
    private TrunkTarget target;
    private DialledLeg leg;
    private CallTimer silence = CallTimer.NONE;
    private int lastStatus = Response.SERVICE_UNAVAILABLE;
    private boolean over;
    /** The carrier's answer, held until the call's reservation is committed; null when none is held. */
    private DialledLeg heldAnswer;
    /** The reservation is committed (or the call is unbilled): an answer may connect at once. */
    private boolean durable = true;

    /** @param payer the user who places the call (billed as theirs), or null */
    TrunkHunt(CallEnvironment env, B2buaCall call, Dialer dialer, Dialer.Party from, OutsideCall outside,
              byte[] offer, Hunt.Listener listener, User payer) {
        this.env = env;
        this.payer = payer == null || payer.id() == TrunkIngress.OUTSIDE_CALLER_ID ? null : payer.id();
        this.call = call;
        this.dialer = dialer;
        this.from = from;
        this.outside = outside;
        this.offer = offer;
        this.listener = listener;
        this.lines = env.outsideLines().orElse(null);
    }

    /** Places {@code outside} for {@code call}, reporting to the call. */
    static TrunkHunt placing(CallEnvironment env, B2buaCall call, Dialer dialer, Dialer.Party from,
                             OutsideCall outside, byte[] offer, User payer) {
        TrunkHunt hunt = new TrunkHunt(env, call, dialer, from, outside, offer, call, payer);
        hunt.start();
        return hunt;
    }

    void start() {
        if (lines == null || (targets = lines.trunks().targetsFor(outside.number())).isEmpty()) {
            finish(Reason.UNAVAILABLE, Rejection.NO_ROUTE_OUTSIDE);
            return;
        }
        if (authorised()) {
            tryNext();
        }
    }

    /**
     * Asks billing before the call goes out, which decides in memory; a refusal answers the caller with {@link
     * BillingRefusals}' response and ends the hunt. A grant's reservation commits while the INVITE goes out: the
     * carrier's answer is held until it is durable (no money is spent before it is on disk), and a failed commit
     * ends the carrier leg and refuses the caller with 503.
     */
    private boolean authorised() {
        OutsideBilling billing = lines.billing();
        String digits = outside.number().startsWith("+") ? outside.number().substring(1) : outside.number();
        Authorisation decision = billing.gate().admit(new CallStart(call.id(), call.tenant().id(), payer, digits,
                env.clock().instant()), outside.emergency());
        if (decision instanceof Authorisation.Refused refused) {
            over = true;
            listener.onRefused(BillingRefusals.refusal(refused.reason()));
            return false;
        }
        if (decision instanceof Authorisation.Granted granted) {
            allowance = new CallAllowance(call, granted.reservation(), CutOff.reason(granted.boundBy()), billing,
                    env.clock());
            if (!granted.durable().isDone() || granted.durable().isCompletedExceptionally()) {
                durable = false;
                granted.durable().whenComplete((ok, failed) -> call.onLane(() -> committed(failed == null)));
            }
        }
        return true;
    }

    /** The reservation's commit finished: a held answer connects, or the call ends. */
    private void committed(boolean stored) {
        durable = stored;
        DialledLeg answered = heldAnswer;
        heldAnswer = null;
        if (stored) {
            if (answered != null) {
                connect(answered);
            }
            return;
        }
        if (answered == null && over) {
            return; // the call ended before: nothing went out that costs
        }
        over = true;
        silence.cancel();
        if (answered != null) {
            answered.bye();
        } else if (leg != null && leg.pending()) {
            leg.cancel();
        }
        allowance.over();
        listener.onRefused(BillingRefusals.unstored());
    }

    private void tryNext() {
        while (next < targets.size()) {
            target = targets.get(next++);
            Optional<DialledLeg> placed = dialer.dialOutside(target, outside, from, offer, this);
            if (placed.isPresent()) {
                leg = placed.get();
                silence = env.schedule(call.id(), lines.responseTimeout(), this::onSilence);
                return;
            }
            lines.trunks().failed(target);
        }
        finish(Reason.UNAVAILABLE, Rejection.OUTSIDE_FAILED);
    }

    @Override
    public void abandon() {
        if (allowance != null) {
            allowance.over(); // the call ended, answered or not: its allowance is over too
        }
        if (heldAnswer != null) {
            heldAnswer.bye(); // answered while its reservation committed: the caller did not wait
            heldAnswer = null;
        }
        if (over) {
            return;
        }
        over = true;
        silence.cancel();
        if (leg != null && leg.pending()) {
            leg.cancel();
        }
    }

    @Override
    public void onProvisional(DialledLeg from, int status, byte[] sdp) {
        if (!over && from == leg) {
            listener.onRinging(status, sdp);
        }
    }

    @Override
    public void onResponding(DialledLeg from) {
        if (!over && from == leg) {
            silence.cancel();
            lines.trunks().succeeded(target);
        }
    }

    @Override
    public void onAnswered(DialledLeg from) {
        if (over || from != leg) {
            from.bye(); // a server given up on answered after all, or the caller is gone
            return;
        }
        over = true;
        silence.cancel();
        lines.trunks().succeeded(target);
        if (durable) {
            connect(from);
        } else {
            heldAnswer = from;
        }
    }

    private void connect(DialledLeg from) {
        if (allowance != null) {
            allowance.answered(env.clock().instant()); // before the call's own answer time: never later than it
            from.answeringCarrier().ifPresent(carrier -> lines.billing().gate().carriedBy(call.id(), carrier));
        }
        listener.onAnswered(from, null);
    }

    @Override
    public void onFailed(DialledLeg from, int status) {
        if (over || from != leg) {
            return;
        }
        silence.cancel();
        if (status == Response.SERVICE_UNAVAILABLE || status == Response.REQUEST_TIMEOUT) {
            lines.trunks().failed(target);
            lastStatus = status;
            tryNext();
            return;
        }
        lines.trunks().succeeded(target); // the server works: the far end refused
        lastStatus = status;
        boolean busy = status == Response.BUSY_HERE || status == Response.BUSY_EVERYWHERE;
        finish(busy ? Reason.BUSY : Reason.UNAVAILABLE, busy ? Rejection.BUSY : Rejection.OUTSIDE_FAILED);
    }

    private void onSilence() {
        if (over || leg == null || !leg.pending()) {
            return;
        }
        lines.trunks().failed(target);
        leg.cancel();
        leg = null;
        lastStatus = Response.SERVICE_UNAVAILABLE;
        tryNext();
    }

    private void finish(Reason reason, Rejection why) {
        over = true;
        if (allowance != null) {
            allowance.over();
        }
        listener.onUnanswered(new Hunt.Unanswered(reason, null, new Destination.Rejected(why), lastStatus));
    }
}
