package com.crosspoint.sip.b2bua;

import com.crosspoint.call.CallSnapshot;
import com.crosspoint.call.SdpSummary;
import com.crosspoint.call.voice.CallApplication;
import com.crosspoint.model.CallRecord;
import com.crosspoint.model.Disposition;
import com.crosspoint.model.HangupParty;
import com.crosspoint.model.Tenant;
import com.crosspoint.model.User;
import com.crosspoint.routing.Destination;
import com.crosspoint.routing.DialledCall;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call through the B2BUA. It acts on the routing step's {@link Destination}: rings a user ({@link Hunt}),
 * lets the appliance answer ({@link ApplicationLeg}) or refuses. Once connected it mediates between its two
 * parties, whatever kind of {@link Leg} each is: what one does reaches the other through the other's own method.
 * Hold with music ({@link HoldMusic}) and the two kinds of transfer ({@link BlindTransfer},
 * {@link ApplicationTransfer}) are classes of their own that report back here. The call's {@link CallPhase}
 * moves only forward and only here; every method runs on the call's lane, so nothing needs a lock.
 */
final class B2buaCall {
    private static final Logger LOG = LoggerFactory.getLogger(B2buaCall.class);

    private final CallEnvironment env;
    private final String id;
    private final DialledCall dialled;
    private final CallerLeg inbound;
    private final Dialer dialer;
    private final Instant startedAt;

    private CallPhase phase = CallPhase.SETUP;
    /** Ringing the callee, until it is over. */
    private Hunt hunt;
    /** The two parties once connected: the caller and the callee, or whoever a transfer left talking. */
    private Leg partyA;
    private Leg partyB;
    /** The user on each party's leg, null for the appliance's own. */
    private User userA;
    private User userB;
    /** The appliance's own leg while a voice application is a party; null otherwise. */
    private ApplicationLeg application;
    private Instant answeredAt;
    private boolean held;
    private boolean reinvitePending;
    private HoldMusic music;
    private BlindTransfer transfer;
    private ApplicationTransfer appTransfer;
    private final AnchoredQuality quality = new AnchoredQuality();

    /** @param callerLeg builds the caller's leg, which needs the call to report to */
    B2buaCall(CallEnvironment env, String id, DialledCall dialled, int maxForwards,
              Function<B2buaCall, CallerLeg> callerLeg) {
        this.env = env;
        this.id = id;
        this.dialled = dialled;
        this.startedAt = env.clock().instant();
        this.inbound = callerLeg.apply(this);
        this.dialer = env.dialer(this, maxForwards);
    }

    String id() {
        return id;
    }

    Tenant tenant() {
        return dialled.tenant();
    }

    boolean ended() {
        return phase == CallPhase.ENDED;
    }

    /** Runs on this call's lane; dropped (logged) when the lane is overloaded. */
    void onLane(Runnable task) {
        try {
            env.execute(id, task);
        } catch (RejectedExecutionException e) {
            LOG.warn("call {} lost an event: lane full", id);
        }
    }

    /** Runs {@code task} on this call's lane after {@code delay}. */
    CallTimer schedule(Duration delay, Runnable task) {
        return env.schedule(id, delay, task);
    }

    /** Runs {@code task} on this call's lane every {@code period}. */
    CallTimer every(Duration period, Runnable task) {
        return env.every(id, period, task);
    }

    // ---- set-up ------------------------------------------------------------------------------------------------

    /** Acts on where the routing step sends the call. */
    void start(Destination destination) {
        publish();
        goTo(destination, Response.TEMPORARILY_UNAVAILABLE);
    }

    /** @param lastStatus the status of the last phone that gave up, for a refusal that passes it on */
    private void goTo(Destination destination, int lastStatus) {
        if (destination instanceof Destination.Extension user) {
            hunt = new Hunt(env, this, dialer, new Dialer.Party(dialled.caller().extension(),
                    dialled.caller().displayName()), dialled.caller(), inbound.lastSdp(), new CalleeHunt());
            hunt.start(user);
        } else if (destination instanceof Destination.Application service) {
            answerWith(service.app());
        } else if (destination instanceof Destination.Mailbox mailbox) {
            answerWith(mailbox.app());
        } else {
            Destination.Rejected rejected = (Destination.Rejected) destination;
            Rejections.Refusal refusal = Rejections.refusal(rejected.why(), lastStatus);
            finishUnanswered(refusal.status(), refusal.reason(), refusal.disposition());
        }
    }

    /** The hunt for the callee reports here. */
    private final class CalleeHunt implements Hunt.Listener {
        @Override
        public void onRinging(int status, byte[] sdp) {
            if (phase == CallPhase.SETUP) {
                phase = phase.to(CallPhase.RINGING);
                publish();
            }
            inbound.ringing(sdp != null ? Response.SESSION_PROGRESS : Response.RINGING, sdp);
        }

        @Override
        public void onAnswered(DialledLeg leg, User user) {
            if (ended() || inbound.finalSent()) {
                leg.bye(); // the caller is gone
                return;
            }
            inbound.answer(leg.lastSdp());
            connected(inbound, dialled.caller(), leg, user);
        }

        @Override
        public void onUnanswered(Hunt.Unanswered outcome) {
            if (!ended()) {
                goTo(outcome.next(), outcome.lastStatus());
            }
        }
    }

    /** The appliance answers the caller itself and hands the call to {@code app} (see {@link MediaLeg}). */
    private void answerWith(CallApplication app) {
        ApplicationLeg leg = env.answering(this, inbound, app);
        ApplicationLeg.Answer answer = leg.negotiate();
        if (!answer.ok()) {
            finishUnanswered(answer.status(), answer.reason(), Disposition.FAILED);
            return;
        }
        inbound.answer(answer.sdp());
        application = leg;
        connected(inbound, dialled.caller(), leg, null);
        quality.start(this, leg, () -> {
            if (!ended()) {
                publish();
            }
        });
        leg.start();
    }

    private void connected(Leg a, User aUser, Leg b, User bUser) {
        partyA = a;
        userA = aUser;
        partyB = b;
        userB = bUser;
        answeredAt = env.clock().instant();
        phase = phase.to(CallPhase.CONNECTED);
        publish();
    }

    private void finishUnanswered(int status, String reason, Disposition disposition) {
        inbound.reject(status, reason);
        end(disposition, HangupParty.SYSTEM, status);
    }

    // ---- what the parties do -----------------------------------------------------------------------------------

    /** The party on the other side of {@code leg}, or null when {@code leg} is no party (any more). */
    private Leg other(Leg leg) {
        return leg == partyA ? partyB : leg == partyB ? partyA : null;
    }

    /**
     * The caller's ACK of our 2xx. After a late offer (an INVITE without SDP) our 2xx carried an offer, the
     * callee's or the appliance's own, and this ACK carries the caller's answer: it goes on to that party.
     */
    void onAck(Leg from, byte[] sdp) {
        Leg to = other(from);
        if (ended() || from != inbound || to == null || !to.awaitsAnswer()) {
            return;
        }
        to.acceptAnswer(sdp);
        publish();
    }

    /** The caller sent CANCEL before the call was answered. */
    void onCancel() {
        if (ended() || inbound.finalSent()) {
            return;
        }
        inbound.reject(Response.REQUEST_TERMINATED, null);
        end(Disposition.CANCELLED, HangupParty.CALLER, Response.REQUEST_TERMINATED);
    }

    void onBye(Leg from, InDialogRequest bye) {
        bye.reply(Response.OK);
        if (transfer != null && transfer.transferor() == from) {
            return; // phones often leave after the 202: the transferee stays on until the transfer is over
        }
        Leg to = other(from);
        if (to == null || ended()) {
            return; // a transferor leaving, or a leg already replaced
        }
        to.bye();
        end(disposition(), from == inbound ? HangupParty.CALLER : HangupParty.CALLEE, Response.OK);
    }

    /** A re-INVITE (hold, resume, codec change) from one party: the other answers it, each its own way. */
    void onReinvite(Leg from, InDialogRequest reinvite) {
        Leg to = other(from);
        if (to == null || ended()) {
            reinvite.reply(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            return;
        }
        if (music != null) {
            music.onReinvite(from, reinvite); // on hold with music: the appliance holds both phones' media
            return;
        }
        if (reinvitePending || transfer != null && transfer.moving()) {
            reinvite.reply(Response.REQUEST_PENDING); // glare (RFC 3261 §14.2): the phone retries
            return;
        }
        byte[] offer = reinvite.body();
        boolean hold = SdpSummary.of(offer).hold();
        if (hold && transfer == null && from.movable() && to.movable() && startMusic(from, to, reinvite)) {
            return;
        }
        reinvitePending = true;
        to.offer(offer, (status, answer) -> {
            reinvitePending = false;
            if (OfferListener.accepted(status)) {
                reinvite.replyWithSdp(status, answer);
                showHeld(hold);
            } else {
                reinvite.reply(status);
            }
        });
    }

    /** {@code from} holds {@code to}: music to {@code to} instead of relaying (see {@link HoldMusic}). */
    private boolean startMusic(Leg from, Leg to, InDialogRequest reinvite) {
        if (env.anchoredMedia().isEmpty()) {
            return false;
        }
        HoldMusic[] self = new HoldMusic[1];
        Optional<HoldMusic> started = HoldMusic.start(this, env.anchoredMedia().get(), from, to, reinvite, phase -> {
            if (music != self[0]) {
                return;
            }
            if (phase != HoldMusic.Phase.HELD) {
                music = null;
            }
            if (phase != HoldMusic.Phase.FAILED) {
                showHeld(phase == HoldMusic.Phase.HELD);
            }
        });
        // a re-INVITE that could not even be sent has failed the music (and answered the hold) already
        self[0] = started.filter(HoldMusic::open).orElse(null);
        music = self[0];
        return started.isPresent();
    }

    private void stopMusic() {
        if (music != null) {
            music.close();
            music = null;
        }
    }

    private void showHeld(boolean nowHeld) {
        held = nowHeld;
        if (!ended()) {
            publish();
        }
    }

    /** INFO (DTMF) and other mid-call requests: the other party takes them, and says how to answer. */
    void onRelay(Leg from, InDialogRequest request) {
        Leg to = other(from);
        request.reply(to == null ? Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST : to.relay(request));
    }

    // ---- transfers ---------------------------------------------------------------------------------------------

    /** REFER (RFC 3515): {@code transferor} hands the other party to the number in Refer-To. */
    void onRefer(Leg transferor, InDialogRequest refer) {
        Leg transferee = other(transferor);
        if (transferee == null || ended() || !transferee.movable() || transfer != null || appTransfer != null
                || reinvitePending || music != null && music.pending()) {
            refer.reply(transferee == null ? Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST : Response.REQUEST_PENDING);
            return;
        }
        User transfereeUser = transferee == partyA ? userA : userB;
        DialledCall asked = new DialledCall(tenant(), transfereeUser == null ? dialled.caller() : transfereeUser,
                refer.referTarget() == null ? "" : refer.referTarget(), java.util.OptionalLong.of(tenant().id()));
        Destination target = env.dialPlan().route(asked);
        if (target instanceof Destination.Rejected || target instanceof Destination.Application) {
            refer.reply(Response.NOT_FOUND, "Transfer target unknown"); // a person is the only target so far
            return;
        }
        refer.reply(Response.ACCEPTED);
        transfer = new BlindTransfer(env, this, dialer, transferor, transferee, asked.caller());
        publish();
        transfer.start(target);
    }

    /** The blind transfer connected the transferee with {@code leg}, answered for {@code user}. */
    void transferConnected(BlindTransfer done, DialledLeg leg, User user) {
        if (transfer != done) {
            return;
        }
        transfer = null;
        stopMusic(); // the transferee now talks to the target directly
        held = false;
        Leg transferee = done.transferee();
        userA = transferee == partyA ? userA : userB;
        partyA = transferee;
        partyB = leg;
        userB = user;
        publish();
    }

    /** The blind transfer is over without connecting anyone: the parties stay as they are, if both still are. */
    void transferEnded(BlindTransfer done) {
        if (transfer != done) {
            return;
        }
        transfer = null;
        if (done.transferor().ended()) {
            done.transferee().bye(); // nobody left to talk to
            end(disposition(), HangupParty.SYSTEM, Response.OK);
            return;
        }
        publish();
    }

    /** The application on {@code media} hands the caller to {@code extension}: ring them, ringback meanwhile. */
    void transferFromApplication(ApplicationLeg media, String extension) {
        if (ended() || appTransfer != null || partyB != media) {
            LOG.info("call {}: cannot transfer to {}", id, extension);
            media.release();
            applicationHungUp();
            return;
        }
        appTransfer = new ApplicationTransfer(env, this, dialer, media, inbound, dialled.caller(), extension);
        publish();
        media.ringback();
        appTransfer.start(env.dialPlan().route(new DialledCall(tenant(), dialled.caller(), extension,
                java.util.OptionalLong.of(tenant().id()))));
    }

    /** Nobody was connected: the caller is back with the application. */
    void applicationTransferEnded(ApplicationTransfer done) {
        if (appTransfer == done) {
            appTransfer = null;
            if (!ended()) {
                publish();
            }
        }
    }

    /** {@code leg} answered and the caller was re-INVITEd to it: they talk, the media leg is gone. */
    void applicationTransferConnected(ApplicationTransfer done, DialledLeg leg, User user) {
        if (appTransfer != done || ended()) {
            leg.bye();
            return;
        }
        appTransfer = null;
        application = null;
        partyB = leg;
        userB = user;
        // The phones now talk directly: the appliance measures nothing more, and the menu's figures are not
        // this conversation's quality.
        quality.forget();
        publish();
    }

    /** The application on the media leg switched to another (voicemail): the live views show the new one. */
    void applicationSwitched() {
        publish();
    }

    /** The voice application hung up on the caller. */
    void applicationHungUp() {
        if (ended()) {
            return;
        }
        inbound.bye();
        end(disposition(), HangupParty.SYSTEM, Response.OK);
    }

    // ---- operator and end --------------------------------------------------------------------------------------

    /** Hang-up from the API. */
    void hangUp() {
        if (ended()) {
            return;
        }
        if (phase == CallPhase.CONNECTED) {
            partyA.bye();
            partyB.bye();
            end(disposition(), HangupParty.SYSTEM, Response.OK);
        } else {
            inbound.reject(Response.TEMPORARILY_UNAVAILABLE, "Ended by operator");
            end(Disposition.CANCELLED, HangupParty.SYSTEM, Response.TEMPORARILY_UNAVAILABLE);
        }
    }

    /** How an answered call is recorded: ANSWERED by a person, or what the application says (VOICEMAIL). */
    private Disposition disposition() {
        return application != null ? application.disposition() : Disposition.ANSWERED;
    }

    private void end(Disposition disposition, HangupParty party, int cause) {
        if (ended()) {
            return;
        }
        phase = phase.to(CallPhase.ENDED);
        if (hunt != null) {
            hunt.abandon();
        }
        if (transfer != null) {
            transfer.abandon();
        }
        if (appTransfer != null) {
            appTransfer.abandon();
        }
        stopMusic();
        // Every path here has closed an application leg's session first (its bye() or release()), so this is the
        // final figure of the whole call, not the last periodic one.
        quality.finish(partyB);
        env.forget(this);
        CallRecord record = new CallRecord(0, tenant().id(), id, dialled.caller().extension(), dialled.number(),
                startedAt, answeredAt, env.clock().instant(), disposition, party, cause, quality.current());
        env.finish(record, snapshot());
    }

    private void publish() {
        env.update(snapshot());
    }

    private CallSnapshot snapshot() {
        String connected = partyB == null ? null
                : partyA == inbound ? partyB.label() : partyA.label() + "/" + partyB.label();
        String codec = partyB == null ? null : partyB.codec();
        return new CallSnapshot(id, tenant().id(), dialled.caller().extension(), dialled.caller().displayName(),
                dialled.number(), connected, phase.shown(transfer != null || appTransfer != null, held), startedAt,
                answeredAt, codec, quality.current());
    }
}
