package com.crosspoint.sip.b2bua;

import com.crosspoint.call.CallSnapshot;
import com.crosspoint.call.CallState;
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
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call through the B2BUA, acting on the routing step's {@link Destination}: rings a user ({@link Hunt}), places
 * it outside ({@link TrunkHunt}), lets the appliance answer ({@link ApplicationLeg}) or refuses. Once connected it
 * mediates between its two {@link Leg}s of whatever kind; offers ({@link MidCallOffers}) and transfers ({@link
 * BlindTransfer}, {@link ApplicationTransfer}) report back here. The {@link CallPhase} moves only forward; every
 * method runs on the call's lane, so nothing needs a lock.
 */
final class B2buaCall implements Hunt.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(B2buaCall.class);

    private final CallEnvironment env;
    private final String id;
    private final DialledCall dialled;
    private CallerLeg inbound;
    private final Dialer dialer;
    private final Instant startedAt;

    private CallPhase phase = CallPhase.SETUP;
    /** Ringing the callee (a user's phones, or a trunk for an outside call), until it is over. */
    private CalleeSearch hunt = CalleeSearch.NONE;
    /** The two parties once connected: the caller and the callee, or whoever a transfer left talking. */
    private final Parties parties;
    /** The appliance's own leg while a voice application is a party; null otherwise. */
    private ApplicationLeg application;
    private Instant answeredAt;
    private final MidCallOffers offers;
    private BlindTransfer transfer;
    private ApplicationTransfer appTransfer;
    private final AnchoredQuality quality = new AnchoredQuality();
    private final MediaAnchor anchor;

    /** @param callerLeg builds the caller's leg, which needs the call to report to */
    B2buaCall(CallEnvironment env, String id, DialledCall dialled, int maxForwards,
              Function<B2buaCall, CallerLeg> callerLeg) {
        this.env = env;
        this.id = id;
        this.dialled = dialled;
        this.parties = new Parties(dialled.caller());
        this.startedAt = env.clock().instant();
        this.anchor = env.anchor(id, this::onLane, () -> endByAppliance(Response.REQUEST_TIMEOUT)); // no media
        this.inbound = callerLeg.apply(this);
        anchor.caller(inbound, inbound.lastSdp());
        this.dialer = env.dialer(this, maxForwards);
        this.offers = new MidCallOffers(this, env.anchoredMedia(), this::publishUnlessEnded);
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

    /** Whether and how this call's audio goes through the relay. */
    MediaAnchor anchor() {
        return anchor;
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

    /** Acts on where the routing step sends the call. */
    void start(Destination destination) {
        publish();
        goTo(destination, Response.TEMPORARILY_UNAVAILABLE);
    }

    /** A call the appliance placed: {@code first} answered and is the caller from now on (see {@link Origin}). */
    void callerAnswered(CallerLeg first) {
        inbound = first;
        anchor.caller(first, first.lastSdp());
    }

    /** @param lastStatus the status of the last phone that gave up, for a refusal that passes it on */
    private void goTo(Destination destination, int lastStatus) {
        Dialer.Party from = new Dialer.Party(dialled.caller().extension(), dialled.caller().displayName());
        if (destination instanceof Destination.Extension user) {
            hunt = Hunt.ringing(env, this, dialer, from, dialled.caller(), inbound.lastSdp(), user);
        } else if (destination instanceof Destination.Outside outside) {
            hunt = TrunkHunt.placing(env, this, dialer, from, outside.call(), inbound.lastSdp(), dialled.caller());
        } else if (destination.answeringApp() != null) {
            answerWith(destination.answeringApp());
        } else {
            Destination.Rejected rejected = (Destination.Rejected) destination;
            onRefused(Rejections.refusal(rejected.why(), lastStatus));
        }
    }

    /** The hunt for the callee reports here and to the two methods below. */
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

    @Override
    public void onRefused(Rejections.Refusal refusal) {
        finishUnanswered(refusal.status(), refusal.reason(), refusal.disposition());
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
        quality.start(this, leg, this::publishUnlessEnded);
        leg.start();
    }

    private void connected(Leg a, User aUser, Leg b, User bUser) {
        phase = phase.to(CallPhase.CONNECTED);
        parties.connect(a, aUser, b, bUser);
        answeredAt = env.clock().instant();
        quality.startIfRelayed(this, parties.b(), this::publishUnlessEnded);
        publish();
    }

    private void finishUnanswered(int status, String reason, Disposition disposition) {
        inbound.reject(status, reason);
        end(disposition, HangupParty.SYSTEM, status);
    }

    /**
     * The caller's ACK of our 2xx. After a late offer (an INVITE without SDP) our 2xx carried an offer, the
     * callee's or the appliance's own, and this ACK carries the caller's answer: it goes on to that party.
     */
    void onAck(Leg from, byte[] sdp) {
        Leg to = parties.other(from);
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
        Leg to = parties.other(from);
        if (to == null || ended()) {
            return; // a transferor leaving, or a leg already replaced
        }
        to.bye();
        end(disposition(), from == inbound ? HangupParty.CALLER : HangupParty.CALLEE, Response.OK);
    }

    /** A re-INVITE (hold, resume, codec change) from one party: the other answers it, each its own way. */
    void onReinvite(Leg from, InDialogRequest reinvite) {
        Leg to = parties.other(from);
        if (to == null || ended()) {
            reinvite.reply(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
        } else if (transfer != null && transfer.moving()) {
            reinvite.reply(Response.REQUEST_PENDING); // crosses our re-INVITE to the transfer target's media
        } else {
            offers.offer(from, to, reinvite, transfer == null);
        }
    }

    /** INFO (DTMF) and other mid-call requests: the other party takes them, and says how to answer. */
    void onRelay(Leg from, InDialogRequest request) {
        Leg to = parties.other(from);
        request.reply(to == null ? Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST : to.relay(request));
    }

    /** REFER (RFC 3515): {@code transferor} hands the other party to the number in Refer-To. */
    void onRefer(Leg transferor, InDialogRequest refer) {
        Leg transferee = parties.other(transferor);
        if (transferee == null || ended() || transfer != null || appTransfer != null || offers.pending()) {
            refer.reply(transferee == null ? Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST : Response.REQUEST_PENDING);
            return;
        }
        transfer = BlindTransfer.accept(env, this, dialer, transferor, transferee, parties.userOn(transferee), refer)
                .orElse(null);
        if (transfer != null) {
            publish();
            transfer.start();
        }
    }

    /** The blind transfer connected the transferee with {@code leg}, answered for {@code user}. */
    void transferConnected(BlindTransfer done, Leg leg, User user) {
        if (transfer == done) {
            transfer = null;
            offers.reset(); // the transferee now talks to the target directly
            parties.replaceOtherOf(done.transferee(), leg, user);
            quality.startIfRelayed(this, parties.b(), this::publishUnlessEnded);
            publish();
        }
    }

    /** The blind transfer left the transferee with the appliance: {@code app} (a room, a mailbox) starts. */
    void transferredToApplication(BlindTransfer done, ApplicationLeg app) {
        transferConnected(done, app, null);
        application = app;
        quality.start(this, app, this::publishUnlessEnded);
        app.start();
    }

    /** The blind transfer is over without connecting anyone: the parties stay as they are, if both still are. */
    void transferEnded(BlindTransfer done) {
        if (transfer == done) {
            transfer = null;
            if (!done.transferor().ended()) {
                publish();
            } else {
                done.transferee().bye(); // nobody left to talk to
                end(disposition(), HangupParty.SYSTEM, Response.OK);
            }
        }
    }

    /** The application on {@code media} hands the caller on: {@code ring} rings a person or agents. */
    void transferFromApplication(ApplicationLeg media, java.util.function.Consumer<ApplicationTransfer> ring) {
        Leg phone = parties.other(media);
        if (ended() || appTransfer != null || phone == null) {
            LOG.info("call {}: cannot hand the caller on", id);
            media.release();
            applicationHungUp();
            return;
        }
        appTransfer = new ApplicationTransfer(env, this, dialer, media, phone, parties.userOn(phone));
        publish();
        ring.accept(appTransfer);
    }

    /** Nobody was connected: the caller is back with the application. */
    void applicationTransferEnded(ApplicationTransfer done) {
        if (appTransfer == done) {
            appTransfer = null;
            publishUnlessEnded();
        }
    }

    /** {@code leg} answered and the caller was re-INVITEd to it: they talk, the media leg is gone. */
    void applicationTransferConnected(ApplicationTransfer done, DialledLeg leg, User user) {
        if (appTransfer != done || ended()) {
            leg.bye();
            return;
        }
        appTransfer = null;
        parties.replaceOtherOf(done.phone(), leg, user);
        application = null;
        quality.restart(this, parties.b(), this::publishUnlessEnded); // not the menu's figures: the relay's, if any
        publish();
    }

    /** The voice application hung up on the phone it talks to. */
    void applicationHungUp() {
        if (ended()) {
            return;
        }
        Leg phone = parties.other(application);
        (phone == null ? inbound : phone).bye();
        end(disposition(), HangupParty.SYSTEM, Response.OK);
    }

    /** Hang-up from the API. */
    void hangUp() {
        endByAppliance(Response.OK);
    }

    private void endByAppliance(int cause) {
        if (ended()) {
            return;
        }
        if (phase == CallPhase.CONNECTED) {
            parties.a().bye();
            parties.b().bye();
            end(disposition(), HangupParty.SYSTEM, cause);
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
        hunt.abandon();
        if (transfer != null) {
            transfer.abandon();
        }
        if (appTransfer != null) {
            appTransfer.abandon();
        }
        offers.reset();
        quality.finish(parties.b()); // an application leg's session is closed by now: its final figure
        anchor.close();
        env.forget(this);
        CallRecord record = new CallRecord(0, tenant().id(), id, dialled.caller().extension(), dialled.number(),
                startedAt, answeredAt, env.clock().instant(), disposition, party, cause, quality.current(),
                parties.answeredBy());
        env.finish(record, snapshot());
    }

    private void publish() {
        env.update(snapshot());
    }

    /** Live views show the call as it now is (a voice application switched to another, say). */
    void publishUnlessEnded() {
        if (!ended()) {
            publish();
        }
    }

    private CallSnapshot snapshot() {
        String codec = parties.b() == null ? null : parties.b().codec();
        CallState shown = phase.shown(transfer != null || appTransfer != null, offers.held());
        return new CallSnapshot(id, tenant().id(), dialled.caller().extension(), dialled.caller().displayName(),
                dialled.number(), parties.connectedTo(inbound), shown, startedAt, answeredAt, codec, quality.current(),
                anchor.path(parties.connected() ? parties.a() : inbound, parties.b(), application != null));
    }
}
