package com.crosspoint.sip.b2bua;

import com.crosspoint.call.ForwardingPolicy;
import com.crosspoint.call.ForwardingPolicy.Reason;
import com.crosspoint.model.Binding;
import com.crosspoint.model.User;
import com.crosspoint.sip.registrar.RegisterHandler;
import com.crosspoint.voicemail.GreetingKind;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sip.InvalidArgumentException;
import javax.sip.SipException;
import javax.sip.header.CSeqHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A voice application (the auto-attendant) hands the caller it answered to a person. The caller stays on the
 * {@link MediaLeg}, hearing ringback, while the person's phones ring with the caller's own offer, following
 * their forwarding and do-not-disturb as a direct call would. The first phone to answer gets the caller: the
 * caller is re-INVITEd with that phone's answer and the media leg is released, so the two talk directly. When
 * nobody answers, the person's voicemail takes the call on the same media leg (the caller is answered once).
 * Touched only on the call's lane.
 */
final class ApplicationTransfer {
    private static final Logger LOG = LoggerFactory.getLogger(ApplicationTransfer.class);
    private static final int DEFAULT_RING_SECONDS = 20;

    private final B2buaContext ctx;
    private final B2buaCall call;
    private final MediaLeg media;
    private final InboundLeg caller;
    private final User callerUser;
    private final List<OutboundLeg> legs = new ArrayList<>();
    private final Set<String> visited = new HashSet<>();
    private User target;
    private OutboundLeg answered;
    private ScheduledFuture<?> noAnswer;
    private boolean over;

    ApplicationTransfer(B2buaContext ctx, B2buaCall call, MediaLeg media, InboundLeg caller, User callerUser) {
        this.ctx = ctx;
        this.call = call;
        this.media = media;
        this.caller = caller;
        this.callerUser = callerUser;
    }

    boolean owns(OutboundLeg leg) {
        return legs.contains(leg);
    }

    /** Rings {@code callee}'s phones (or where they forward to). */
    void ring(User callee) {
        target = callee;
        if (!visited.add(callee.extension()) || visited.size() > ForwardingPolicy.MAX_HOPS) {
            LOG.info("call {}: forwarding loop at {}", call.id(), callee.extension());
            toVoicemail(Reason.UNAVAILABLE);
            return;
        }
        Optional<String> always = ForwardingPolicy.always(callee.settings());
        if (always.isPresent() && !always.get().equals(callee.extension()) && forwardTo(always.get())) {
            return;
        }
        if (callee.settings().doNotDisturb()) {
            failed(Reason.BUSY);
            return;
        }
        legs.clear();
        List<Binding> bindings = ctx.registrar().lookup(RegisterHandler.aorOf(call.tenant(), callee.extension()));
        for (Binding b : bindings) {
            call.dial(b, callee.extension(), callerUser.extension(), callerUser.displayName(), caller.remoteSdp, legs);
        }
        if (legs.isEmpty()) {
            failed(Reason.UNAVAILABLE);
            return;
        }
        int seconds = callee.settings().noAnswerSeconds() > 0 ? callee.settings().noAnswerSeconds() : DEFAULT_RING_SECONDS;
        noAnswer = ctx.timers().schedule(() -> call.onLane(this::onNoAnswer), seconds, TimeUnit.SECONDS);
    }

    private boolean forwardTo(String extension) {
        Optional<User> next = ctx.directory().userByExtension(call.tenant().id(), extension);
        if (next.isEmpty()) {
            return false;
        }
        ring(next.get());
        return true;
    }

    /** A phone answered (and was ACKed): move the caller over to it. */
    void onAnswered(OutboundLeg leg) {
        if (over || answered != null) {
            leg.bye(); // lost the race, or the caller is gone
            return;
        }
        answered = leg;
        cancelNoAnswer();
        legs.stream().filter(l -> l != leg).filter(OutboundLeg::isPending).forEach(OutboundLeg::cancel);
        boolean sent;
        try {
            sent = caller.sendInDialog(Request.INVITE, List.of(), leg.remoteSdp, InboundLeg.sdpType(ctx.messages()),
                    new Leg.LaneResponseListener() {
                        @Override
                        public void onResponse(Response r) {
                            if (r.getStatusCode() >= 200) {
                                reinvited(leg, r);
                            }
                        }

                        @Override
                        public void onTimeout() {
                            broken(leg, "re-INVITE timed out");
                        }
                    });
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
        if (!sent) {
            broken(leg, "re-INVITE not sent");
        }
    }

    private void reinvited(OutboundLeg leg, Response r) {
        if (over) {
            return;
        }
        if (r.getStatusCode() >= 300) {
            broken(leg, "re-INVITE answered " + r.getStatusCode());
            return;
        }
        ack(r);
        caller.remoteSdp = r.getRawContent();
        over = true;
        media.release();
        call.applicationTransferConnected(this, leg, target);
    }

    /** The caller could not be moved: both phones hang up, as when a transfer fails half-way. */
    private void broken(OutboundLeg leg, String why) {
        if (over) {
            return;
        }
        LOG.warn("call {}: cannot connect the caller to {}: {}", call.id(), leg.extension, why);
        over = true;
        leg.bye();
        call.applicationTransferEnded(this);
        media.hangUp();
    }

    private void ack(Response ok) {
        try {
            long cseq = ((CSeqHeader) ok.getHeader(CSeqHeader.NAME)).getSeqNumber();
            caller.dialog.sendAck(caller.dialog.createAck(cseq));
        } catch (SipException | InvalidArgumentException | RuntimeException e) {
            LOG.debug("call {}: could not ACK re-INVITE: {}", call.id(), e.getMessage());
        }
    }

    /** A phone gave up; when the last one has, the person is busy or unreachable. */
    void onFailed(OutboundLeg leg) {
        if (over || answered != null || legs.stream().anyMatch(OutboundLeg::isPending)) {
            return;
        }
        boolean allBusy = legs.stream().allMatch(l -> l.finalStatus == Response.BUSY_HERE
                || l.finalStatus == Response.BUSY_EVERYWHERE || l.finalStatus == Response.DECLINE);
        legs.clear();
        failed(allBusy ? Reason.BUSY : Reason.UNAVAILABLE);
    }

    private void onNoAnswer() {
        noAnswer = null;
        if (over || answered != null) {
            return;
        }
        legs.stream().filter(OutboundLeg::isPending).forEach(OutboundLeg::cancel);
        legs.clear();
        failed(Reason.NO_ANSWER);
    }

    private void failed(Reason reason) {
        cancelNoAnswer();
        Optional<String> fwd = ForwardingPolicy.onFailure(target.settings(), reason);
        if (fwd.isPresent() && !fwd.get().equals(target.extension()) && forwardTo(fwd.get())) {
            return;
        }
        toVoicemail(reason);
    }

    /** Nobody took the call: the target's mailbox does, on the media leg the caller is already on. */
    private void toVoicemail(Reason reason) {
        over = true;
        cancelNoAnswer();
        legs.stream().filter(OutboundLeg::isPending).forEach(OutboundLeg::cancel);
        call.applicationTransferEnded(this);
        media.switchTo(ctx.media().voicemail().deposit(target,
                reason == Reason.BUSY ? GreetingKind.BUSY : GreetingKind.UNAVAILABLE, callerUser));
    }

    /** The caller hung up or the call was ended: stop ringing, and hang up a phone that answered meanwhile. */
    void abandon() {
        if (over) {
            return;
        }
        over = true;
        cancelNoAnswer();
        legs.stream().filter(OutboundLeg::isPending).forEach(OutboundLeg::cancel);
        if (answered != null) {
            answered.bye();
        }
    }

    private void cancelNoAnswer() {
        if (noAnswer != null) {
            noAnswer.cancel(false);
            noAnswer = null;
        }
    }
}
