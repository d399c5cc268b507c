package com.crosspoint.sip.b2bua;

import com.crosspoint.call.CallSnapshot;
import com.crosspoint.call.CallState;
import com.crosspoint.call.ForwardingPolicy.Reason;
import com.crosspoint.call.ForwardingPolicy;
import com.crosspoint.call.SdpSummary;
import com.crosspoint.call.voice.CallApplication;
import com.crosspoint.model.Binding;
import com.crosspoint.model.CallRecord;
import com.crosspoint.model.Disposition;
import com.crosspoint.model.HangupParty;
import com.crosspoint.model.Tenant;
import com.crosspoint.model.User;
import com.crosspoint.sip.registrar.RegisterHandler;
import com.crosspoint.voicemail.GreetingKind;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sip.ClientTransaction;
import javax.sip.InvalidArgumentException;
import javax.sip.SipException;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call through the B2BUA: the caller's leg, the devices being rung (all of the callee's
 * registered devices in parallel; the first 200 wins), and after answer the two legs it relays
 * between. Features (forwarding, DND, transfer) are decisions taken here. Every method runs on the
 * call's lane, so the state needs no locks.
 */
final class B2buaCall {
    private static final Logger LOG = LoggerFactory.getLogger(B2buaCall.class);
    private static final int TRANSFER_RING_SECONDS = 30;

    private final B2buaContext ctx;
    private final String id;
    private final Tenant tenant;
    private final User caller;
    private final String dialled;
    private final InboundLeg inbound;
    private final int maxForwards;
    private final Instant startedAt;

    private CallState state = CallState.SETUP;
    private final List<OutboundLeg> ringing = new ArrayList<>();
    private final Set<String> visited = new HashSet<>();
    private User target;
    private Leg partyA;
    private Leg partyB;
    private Instant answeredAt;
    private String codec;
    private ScheduledFuture<?> noAnswerTimer;
    private boolean reinvitePending;
    private BlindTransfer transfer;
    /** Music on hold between the two phones, while one of them holds; null otherwise. */
    private HoldMusic music;
    /** A voice application handing the caller to a person, while they are rung. */
    private ApplicationTransfer appTransfer;
    private boolean ended;
    /** How an answered call is recorded: ANSWERED by a person, or VOICEMAIL when the appliance took it. */
    private Disposition answeredAs = Disposition.ANSWERED;
    /** How the caller's audio arrives, for a call the appliance answered itself; null otherwise. */
    private final AnchoredQuality quality = new AnchoredQuality();

    B2buaCall(B2buaContext ctx, String id, Tenant tenant, User caller, String dialled,
              javax.sip.ServerTransaction invite, int maxForwards) {
        this.ctx = ctx;
        this.id = id;
        this.tenant = tenant;
        this.caller = caller;
        this.dialled = dialled;
        this.maxForwards = maxForwards;
        this.inbound = new InboundLeg(ctx.messages(), this, caller.extension(), invite);
        invite.setApplicationData(this);
        this.startedAt = ctx.clock().instant();
    }

    String id() {
        return id;
    }

    /** Runs on this call's lane; dropped (logged) when the lane is overloaded. */
    void onLane(Runnable task) {
        try {
            ctx.lanes().execute(id, task);
        } catch (RejectedExecutionException e) {
            LOG.warn("call {} lost an event: lane full", id);
        }
    }

    // ---- set-up -------------------------------------------------------------------------------

    void start(User callee) {
        publish();
        ring(callee);
    }

    private void ring(User callee) {
        target = callee;
        if (!visited.add(callee.extension()) || visited.size() > ForwardingPolicy.MAX_HOPS) {
            finishUnanswered(Response.LOOP_DETECTED, "Forwarding loop", Disposition.FAILED);
            return;
        }
        Optional<String> always = ForwardingPolicy.always(callee.settings());
        if (always.isPresent() && !always.get().equals(callee.extension())) {
            if (forwardTo(always.get())) {
                return;
            }
        }
        if (callee.settings().doNotDisturb()) {
            failed(Reason.BUSY, Response.BUSY_HERE);
            return;
        }
        List<Binding> bindings = ctx.registrar().lookup(RegisterHandler.aorOf(tenant, callee.extension()));
        if (bindings.isEmpty()) {
            failed(Reason.UNAVAILABLE, Response.TEMPORARILY_UNAVAILABLE);
            return;
        }
        for (Binding b : bindings) {
            dial(b, callee.extension(), caller.extension(), caller.displayName(), inbound.remoteSdp, ringing);
        }
        if (ringing.isEmpty()) {
            failed(Reason.UNAVAILABLE, Response.TEMPORARILY_UNAVAILABLE);
            return;
        }
        int seconds = callee.settings().noAnswerSeconds() > 0 ? callee.settings().noAnswerSeconds() : 20;
        scheduleNoAnswer(seconds);
    }

    void dial(Binding b, String toExtension, String fromExtension, String fromName, byte[] sdp,
                      List<OutboundLeg> into) {
        try {
            Request invite = InviteFactory.invite(ctx.messages(), b, tenant.domain(), fromExtension, fromName,
                    toExtension, sdp, maxForwards);
            OutboundLeg leg = new OutboundLeg(ctx.messages(), this, toExtension, b,
                    InviteFactory.transportOf(invite.getRequestURI()), sdp == null || sdp.length == 0);
            leg.origin.apply(sdp); // the INVITE's description is the first this phone sees: its origin stays
            ClientTransaction ct = ctx.messages().provider().getNewClientTransaction(invite);
            leg.start(ct);
            into.add(leg);
        } catch (ParseException | InvalidArgumentException | SipException | RuntimeException e) {
            LOG.info("call {}: cannot ring {} at {}: {}", id, toExtension, b.contact(), e.getMessage());
        }
    }

    private void scheduleNoAnswer(int seconds) {
        cancelNoAnswer();
        noAnswerTimer = ctx.timers().schedule(() -> onLane(this::onNoAnswer), seconds, TimeUnit.SECONDS);
    }

    private void cancelNoAnswer() {
        if (noAnswerTimer != null) {
            noAnswerTimer.cancel(false);
            noAnswerTimer = null;
        }
    }

    /** Sends the call on to another extension of the tenant; false when there is no such user. */
    private boolean forwardTo(String extension) {
        Optional<User> next = ctx.directory().userByExtension(tenant.id(), extension);
        if (next.isEmpty()) {
            LOG.info("call {}: forward target {} does not exist", id, extension);
            return false;
        }
        LOG.debug("call {}: forwarding {} -> {}", id, target.extension(), extension);
        ring(next.get());
        return true;
    }

    private void failed(Reason reason, int status) {
        cancelNoAnswer();
        Optional<String> fwd = ForwardingPolicy.onFailure(target.settings(), reason);
        if (fwd.isPresent() && !fwd.get().equals(target.extension()) && forwardTo(fwd.get())) {
            return;
        }
        // Busy, no answer, and no device reachable (none registered, or all failed): the caller can
        // still leave a message, as with any PBX; only the greeting differs.
        if (ctx.media() != null) {
            cancelAll(ringing);
            ringing.clear();
            answerWith(ctx.media().voicemail().deposit(target,
                    reason == Reason.BUSY ? GreetingKind.BUSY : GreetingKind.UNAVAILABLE, caller));
            return;
        }
        Disposition d = switch (reason) {
            case BUSY -> Disposition.BUSY;
            case NO_ANSWER -> Disposition.NO_ANSWER;
            case UNAVAILABLE -> Disposition.FAILED;
        };
        finishUnanswered(status, null, d);
    }

    /** A call to a service number (mailbox, conference, menu): the appliance answers it at once. */
    void startApplication(CallApplication app) {
        publish();
        answerWith(app);
    }

    /** The appliance answers the caller itself and hands the call to {@code app} (see {@link MediaLeg}). */
    private void answerWith(CallApplication app) {
        cancelNoAnswer();
        MediaLeg leg = new MediaLeg(ctx.media(), this, inbound, app);
        MediaLeg.Answer answer = leg.negotiate();
        if (!answer.ok()) {
            finishUnanswered(answer.status(), answer.reason(), Disposition.FAILED);
            return;
        }
        inbound.answer(answer.sdp());
        partyA = inbound;
        partyB = leg;
        answeredAt = ctx.clock().instant();
        answeredAs = app.disposition();
        codec = leg.codec();
        state = CallState.ANSWERED;
        publish();
        quality.start(this, ctx.timers(), leg, () -> {
            if (!ended) {
                publish();
            }
        });
        leg.start();
    }

    /** Runs {@code task} on this call's lane after {@code delay} (a voice application's timer). */
    ScheduledFuture<?> schedule(Runnable task, java.time.Duration delay) {
        return ctx.timers().schedule(() -> onLane(task), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The voice application hung up on the caller. */
    void applicationHungUp() {
        if (ended) {
            return;
        }
        inbound.bye();
        end(answeredAs, HangupParty.SYSTEM, Response.OK);
    }

    private void finishUnanswered(int status, String reason, Disposition disposition) {
        cancelAll(ringing);
        inbound.reject(status, reason);
        end(disposition, HangupParty.SYSTEM, status);
    }

    // ---- outbound leg events ------------------------------------------------------------------

    void onLegProvisional(OutboundLeg leg, int status, byte[] sdp) {
        if (transfer != null && transfer.legs.contains(leg) || ended || !ringing.contains(leg) || answeredAt != null) {
            return;
        }
        if (state == CallState.SETUP) {
            state = CallState.RINGING;
            publish();
        }
        boolean early = sdp != null && sdp.length > 0;
        inbound.provisional(early ? Response.SESSION_PROGRESS : Response.RINGING, early ? sdp : null);
    }

    void onLegAnswered(OutboundLeg leg) {
        if (appTransfer != null && appTransfer.owns(leg)) {
            appTransfer.onAnswered(leg);
            return;
        }
        if (transfer != null && transfer.legs.contains(leg)) {
            transferAnswered(leg);
            return;
        }
        if (ended || answeredAt != null || !ringing.contains(leg) || inbound.finalSent()) {
            // Lost the race (another device answered first) or the caller is gone.
            leg.bye();
            return;
        }
        cancelNoAnswer();
        ringing.remove(leg);
        cancelAll(ringing);
        inbound.answer(leg.remoteSdp);
        partyA = inbound;
        partyB = leg;
        answeredAt = ctx.clock().instant();
        codec = SdpSummary.of(leg.remoteSdp).codec();
        state = CallState.ANSWERED;
        publish();
    }

    void onLegFailed(OutboundLeg leg, int status) {
        if (appTransfer != null && appTransfer.owns(leg)) {
            appTransfer.onFailed(leg);
            return;
        }
        if (transfer != null && transfer.legs.contains(leg)) {
            transferLegFailed(status);
            return;
        }
        if (leg == partyB || leg == partyA) {
            return;
        }
        if (ended || answeredAt != null || !ringing.contains(leg) || ringing.stream().anyMatch(OutboundLeg::isPending)) {
            return;
        }
        // Every device has given up: decide as a person would expect (all busy = busy).
        boolean allBusy = ringing.stream().allMatch(l -> l.finalStatus == Response.BUSY_HERE
                || l.finalStatus == Response.BUSY_EVERYWHERE || l.finalStatus == Response.DECLINE);
        ringing.clear();
        if (allBusy) {
            failed(Reason.BUSY, Response.BUSY_HERE);
        } else {
            failed(Reason.UNAVAILABLE, status >= 600 ? status : Response.TEMPORARILY_UNAVAILABLE);
        }
    }

    private void onNoAnswer() {
        noAnswerTimer = null;
        if (ended || answeredAt != null) {
            return;
        }
        cancelAll(ringing);
        ringing.clear();
        failed(Reason.NO_ANSWER, Response.TEMPORARILY_UNAVAILABLE);
    }

    private static void cancelAll(List<OutboundLeg> legs) {
        for (OutboundLeg l : legs) {
            if (l.isPending()) {
                l.cancel();
            }
        }
    }

    // ---- caller and in-dialog events ----------------------------------------------------------

    /**
     * The caller's ACK of our 2xx. After a late offer (an INVITE without SDP) our 2xx carried an offer, the
     * callee's or the appliance's own, and this ACK carries the caller's answer: it goes on in the callee's ACK,
     * which was held back for it, or to the media leg.
     */
    void onAck(Leg from, byte[] sdp) {
        if (ended || from != inbound) {
            return;
        }
        if (sdp != null && sdp.length > 0) {
            inbound.remoteSdp = sdp;
        }
        if (partyB instanceof OutboundLeg callee && callee.awaitsAnswer()) {
            callee.ackWithAnswer(sdp);
        } else if (partyB instanceof MediaLeg media && media.awaitsAnswer()) {
            media.onAnswer(sdp);
            codec = media.codec();
            publish();
        }
    }

    /** The caller sent CANCEL before the call was answered. */
    void onCancel() {
        if (ended || inbound.finalSent()) {
            return;
        }
        cancelNoAnswer();
        cancelAll(ringing);
        inbound.reject(Response.REQUEST_TERMINATED, null);
        end(Disposition.CANCELLED, HangupParty.CALLER, Response.REQUEST_TERMINATED);
    }

    void onBye(Leg leg, javax.sip.ServerTransaction st) {
        ctx.messages().send(st, ctx.messages().response(st.getRequest(), Response.OK));
        leg.ended = true;
        if (leg != partyA && leg != partyB) {
            return; // a transferor leaving, or a leg already replaced
        }
        Leg other = leg == partyA ? partyB : partyA;
        if (other != null) {
            other.bye();
        }
        if (transfer != null) {
            cancelAll(transfer.legs);
        }
        abandonApplicationTransfer();
        end(answeredAs, leg == inbound ? HangupParty.CALLER : HangupParty.CALLEE, Response.OK);
    }

    /** A re-INVITE (hold, resume, codec change) from one party is relayed to the other. */
    void onReinvite(Leg from, javax.sip.ServerTransaction st) {
        Leg to = from == partyA ? partyB : from == partyB ? partyA : null;
        if (to instanceof MediaLeg answering && !ended) {
            answering.onReinvite(st).ifPresent(hold -> {
                state = hold ? CallState.HELD : CallState.ANSWERED;
                publish();
            });
            return;
        }
        if (to == null || ended) {
            ctx.messages().send(st, ctx.messages().response(st.getRequest(), Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST));
            return;
        }
        if (music != null) {
            music.onReinvite(from, st); // on hold with music: the appliance holds both phones' media
            return;
        }
        if (reinvitePending) {
            ctx.messages().send(st, ctx.messages().response(st.getRequest(), Response.REQUEST_PENDING));
            return;
        }
        byte[] offer = st.getRequest().getRawContent();
        if (ctx.media() != null && transfer == null && SdpSummary.of(offer).hold() && startMusic(from, to, st)) {
            return;
        }
        reinvitePending = true;
        boolean sent = to.sendInDialog(Request.INVITE, List.of(), offer, sdpType(), new Leg.LaneResponseListener() {
            @Override
            public void onResponse(Response r) {
                if (r.getStatusCode() < 200) {
                    return;
                }
                reinvitePending = false;
                if (r.getStatusCode() < 300) {
                    ackReinvite(to, r);
                    from.remoteSdp = offer;
                    to.remoteSdp = r.getRawContent();
                    Response ok = ctx.messages().response(st.getRequest(), Response.OK);
                    ok.setHeader(ctx.messages().contact(from.transport));
                    setSdp(ok, from.origin.apply(r.getRawContent()));
                    ctx.messages().send(st, ok);
                    boolean hold = SdpSummary.of(offer).hold();
                    if (!ended && transfer == null) {
                        state = hold ? CallState.HELD : CallState.ANSWERED;
                        publish();
                    }
                } else {
                    ctx.messages().send(st, ctx.messages().response(st.getRequest(), r.getStatusCode()));
                }
            }

            @Override
            public void onTimeout() {
                reinvitePending = false;
                ctx.messages().send(st, ctx.messages().response(st.getRequest(), Response.REQUEST_TIMEOUT));
            }
        });
        if (!sent) {
            reinvitePending = false;
            ctx.messages().send(st, ctx.messages().response(st.getRequest(), Response.SERVER_INTERNAL_ERROR));
        }
    }

    /** {@code from} holds {@code to}: music to {@code to} instead of relaying (see {@link HoldMusic}). */
    private boolean startMusic(Leg from, Leg to, javax.sip.ServerTransaction st) {
        HoldMusic[] self = new HoldMusic[1];
        Optional<HoldMusic> started = HoldMusic.start(this, ctx.media(), ctx.messages(), from, to, st, phase -> {
            if (music != self[0]) {
                return;
            }
            if (phase != HoldMusic.Phase.HELD) {
                music = null;
            }
            if (!ended && transfer == null && phase != HoldMusic.Phase.FAILED) {
                state = phase == HoldMusic.Phase.HELD ? CallState.HELD : CallState.ANSWERED;
                publish();
            }
        });
        self[0] = started.orElse(null);
        music = self[0];
        return music != null;
    }

    private void stopMusic() {
        if (music != null) {
            music.close();
            music = null;
        }
    }

    private void ackReinvite(Leg leg, Response ok) {
        try {
            long cseq = ((javax.sip.header.CSeqHeader) ok.getHeader(javax.sip.header.CSeqHeader.NAME)).getSeqNumber();
            leg.dialog.sendAck(leg.dialog.createAck(cseq));
        } catch (SipException | InvalidArgumentException e) {
            LOG.debug("call {}: could not ACK re-INVITE: {}", id, e.getMessage());
        }
    }

    /** INFO (DTMF) and other mid-call requests: answered here, relayed to the other party. */
    void onRelay(Leg from, javax.sip.ServerTransaction st) {
        Leg to = from == partyA ? partyB : from == partyB ? partyA : null;
        if (to instanceof MediaLeg answering) {
            if (Request.INFO.equals(st.getRequest().getMethod())) {
                answering.onInfo(st);
            } else {
                ctx.messages().send(st, ctx.messages().response(st.getRequest(), Response.NOT_IMPLEMENTED));
            }
            return;
        }
        ctx.messages().send(st, ctx.messages().response(st.getRequest(), to == null ? Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST : Response.OK));
        if (to != null) {
            Request rq = st.getRequest();
            to.sendInDialog(rq.getMethod(), List.of(), rq.getRawContent(),
                    (javax.sip.header.ContentTypeHeader) rq.getHeader(javax.sip.header.ContentTypeHeader.NAME), null);
        }
    }

    // ---- blind transfer (RFC 3515) ------------------------------------------------------------

    void onRefer(Leg transferor, javax.sip.ServerTransaction st, String targetExtension) {
        Leg transferee = transferor == partyA ? partyB : transferor == partyB ? partyA : null;
        if (transferee == null || transferee instanceof MediaLeg || ended || transfer != null || reinvitePending) {
            ctx.messages().send(st, ctx.messages().response(st.getRequest(),
                    transferee == null ? Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST : Response.REQUEST_PENDING));
            return;
        }
        Optional<User> t = targetExtension == null ? Optional.empty()
                : ctx.directory().userByExtension(tenant.id(), targetExtension);
        if (t.isEmpty()) {
            ctx.messages().send(st, ctx.messages().response(st.getRequest(), Response.NOT_FOUND, "Transfer target unknown"));
            return;
        }
        ctx.messages().send(st, ctx.messages().response(st.getRequest(), Response.ACCEPTED));
        transfer = new BlindTransfer(ctx.messages(), id, transferor, transferee, t.get());
        state = CallState.TRANSFERRING;
        publish();
        transfer.notifyProgress("SIP/2.0 100 Trying", false);
        List<Binding> bindings = ctx.registrar().lookup(RegisterHandler.aorOf(tenant, t.get().extension()));
        User transfereeUser = ctx.directory().userByExtension(tenant.id(), transferee.extension).orElse(caller);
        for (Binding b : bindings) {
            dial(b, t.get().extension(), transferee.extension, transfereeUser.displayName(), transferee.remoteSdp, transfer.legs);
        }
        if (transfer.legs.isEmpty()) {
            transferLegFailed(Response.TEMPORARILY_UNAVAILABLE);
            return;
        }
        transfer.timer = ctx.timers().schedule(() -> onLane(() -> {
            if (transfer != null && transfer.answered == null) {
                cancelAll(transfer.legs);
                transferFailed(Response.TEMPORARILY_UNAVAILABLE);
            }
        }), TRANSFER_RING_SECONDS, TimeUnit.SECONDS);
    }

    private void transferAnswered(OutboundLeg leg) {
        if (transfer.answered != null || ended) {
            leg.bye();
            return;
        }
        BlindTransfer tr = transfer;
        tr.answered = leg;
        tr.cancelTimer();
        tr.legs.stream().filter(l -> l != leg).filter(OutboundLeg::isPending).forEach(OutboundLeg::cancel);
        // The transferee now talks to the target: offer it the target's session description.
        tr.transferee.sendInDialog(Request.INVITE, List.of(), leg.remoteSdp, sdpType(), new Leg.LaneResponseListener() {
            @Override
            public void onResponse(Response r) {
                if (r.getStatusCode() < 200) {
                    return;
                }
                if (r.getStatusCode() < 300) {
                    ackReinvite(tr.transferee, r);
                    tr.transferee.remoteSdp = r.getRawContent();
                }
                completeTransfer(tr);
            }

            @Override
            public void onTimeout() {
                completeTransfer(tr);
            }
        });
    }

    private void completeTransfer(BlindTransfer tr) {
        if (transfer != tr) {
            return;
        }
        stopMusic(); // the transferee now talks to the target directly
        partyA = tr.transferee;
        partyB = tr.answered;
        transfer = null;
        target = tr.target;
        tr.notifyProgress("SIP/2.0 200 OK", true);
        tr.transferor.bye();
        codec = SdpSummary.of(tr.answered.remoteSdp).codec();
        state = CallState.ANSWERED;
        publish();
    }

    private void transferLegFailed(int status) {
        if (transfer == null || transfer.answered != null || transfer.legs.stream().anyMatch(OutboundLeg::isPending)) {
            return;
        }
        transferFailed(status);
    }

    private void transferFailed(int status) {
        BlindTransfer tr = transfer;
        transfer = null;
        tr.cancelTimer();
        tr.notifyFailure(status);
        state = CallState.ANSWERED;
        publish();
    }

    // ---- a voice application hands the caller on (auto-attendant; see ApplicationTransfer) -----------

    Tenant tenant() {
        return tenant;
    }

    /** The application on {@code media} transfers the caller to {@code extension}: ring them, ringback meanwhile. */
    void transferFromApplication(MediaLeg media, String extension) {
        Optional<User> callee = ctx.directory().userByExtension(tenant.id(), extension);
        if (ended || appTransfer != null || partyB != media || callee.isEmpty()) {
            LOG.info("call {}: cannot transfer to {}", id, extension);
            media.hangUp();
            return;
        }
        appTransfer = new ApplicationTransfer(ctx, this, media, inbound, caller);
        state = CallState.TRANSFERRING;
        publish();
        media.ringback();
        appTransfer.ring(callee.get());
    }

    /** The application on the media leg handed the call to another (voicemail): record the call as that one. */
    void applicationSwitched(CallApplication app) {
        answeredAs = app.disposition();
        publish();
    }

    /** Nobody was connected: the caller stays with the media leg (now voicemail) or is hung up. */
    void applicationTransferEnded(ApplicationTransfer t) {
        if (appTransfer == t) {
            appTransfer = null;
            if (!ended) {
                state = CallState.ANSWERED;
                publish();
            }
        }
    }

    /** {@code leg} answered and the caller was re-INVITEd to it: they talk, the media leg is gone. */
    void applicationTransferConnected(ApplicationTransfer t, OutboundLeg leg, User answeredFor) {
        if (appTransfer != t || ended) {
            leg.bye();
            return;
        }
        appTransfer = null;
        partyB = leg;
        target = answeredFor;
        answeredAs = Disposition.ANSWERED;
        // The phones now talk directly: the appliance measures nothing more, and the menu's figures are not
        // this conversation's quality.
        quality.forget();
        codec = SdpSummary.of(leg.remoteSdp).codec();
        state = CallState.ANSWERED;
        publish();
    }

    private void abandonApplicationTransfer() {
        if (appTransfer != null) {
            appTransfer.abandon();
            appTransfer = null;
        }
    }

    // ---- operator and end ---------------------------------------------------------------------

    /** Hang-up from the API. */
    void hangUp() {
        if (ended) {
            return;
        }
        if (answeredAt != null) {
            if (partyA != null) {
                partyA.bye();
            }
            if (partyB != null) {
                partyB.bye();
            }
            if (transfer != null) {
                cancelAll(transfer.legs);
            }
            abandonApplicationTransfer();
            end(answeredAs, HangupParty.SYSTEM, Response.OK);
        } else {
            cancelNoAnswer();
            cancelAll(ringing);
            inbound.reject(Response.TEMPORARILY_UNAVAILABLE, "Ended by operator");
            end(Disposition.CANCELLED, HangupParty.SYSTEM, Response.TEMPORARILY_UNAVAILABLE);
        }
    }

    private void end(Disposition disposition, HangupParty party, int cause) {
        if (ended) {
            return;
        }
        ended = true;
        cancelNoAnswer();
        stopMusic();
        // Every path here has closed the media leg's session first (its bye() or hangUp()), so this is the
        // final figure of the whole call, not the last periodic one.
        quality.finish(partyB instanceof MediaLeg media ? media : null);
        ctx.table().remove(this);
        Instant now = ctx.clock().instant();
        CallRecord record = new CallRecord(0, tenant.id(), id, caller.extension(), dialled, startedAt,
                answeredAt, now, disposition, party, cause, quality.current());
        state = CallState.ENDED;
        ctx.records().finish(record, snapshot());
    }

    private void publish() {
        ctx.active().update(snapshot());
    }

    private CallSnapshot snapshot() {
        String connected = partyB != null ? (partyA == inbound ? partyB.extension : partyA.extension + "/" + partyB.extension) : null;
        return new CallSnapshot(id, tenant.id(), caller.extension(), caller.displayName(), dialled, connected,
                state, startedAt, answeredAt, codec, quality.current());
    }

    private javax.sip.header.ContentTypeHeader sdpType() {
        try {
            return InboundLeg.sdpType(ctx.messages());
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private void setSdp(Response r, byte[] sdp) {
        if (sdp != null && sdp.length > 0) {
            try {
                r.setContent(sdp, sdpType());
            } catch (ParseException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
