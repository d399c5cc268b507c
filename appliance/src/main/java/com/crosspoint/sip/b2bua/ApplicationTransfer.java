package com.crosspoint.sip.b2bua;

import com.crosspoint.call.ForwardingPolicy.Reason;
import com.crosspoint.call.voice.CallApplication;
import com.crosspoint.model.User;
import com.crosspoint.routing.Destination;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A voice application (the auto-attendant) hands the caller it answered to a person. The caller stays on the
 * {@link ApplicationLeg}, hearing ringback, while the person is rung as any call to them is ({@link Hunt}: every
 * phone, their forwarding and do-not-disturb) with the caller's own offer. The first phone to answer gets the
 * caller: the caller is re-INVITEd with that phone's answer and the application's media is released, so the two
 * talk directly. When nobody answers, the application has the caller back and decides what follows (the
 * auto-attendant sends them to the person's mailbox). Touched only on the call's lane.
 */
final class ApplicationTransfer implements Hunt.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(ApplicationTransfer.class);

    private final B2buaCall call;
    private final ApplicationLeg media;
    /** The phone the application talks to, which is moved to whoever answers. */
    private final Leg caller;
    private final String extension;
    private final Hunt hunt;
    private DialledLeg answered;
    private boolean over;

    /** @param extension the number the application asked for */
    ApplicationTransfer(CallEnvironment env, B2buaCall call, Dialer dialer, ApplicationLeg media, Leg caller,
                        User callerUser, String extension) {
        this.call = call;
        this.media = media;
        this.caller = caller;
        this.extension = extension;
        this.hunt = new Hunt(env, call, dialer, new Dialer.Party(callerUser.extension(), callerUser.displayName()),
                callerUser, caller.lastSdp(), this);
    }

    Leg phone() {
        return caller;
    }

    /** Rings the person the dial plan chose, or hands the caller straight back when it chose nobody to ring. */
    void start(Destination target) {
        if (target instanceof Destination.Extension user) {
            hunt.start(user);
        } else if (target instanceof Destination.Mailbox mailbox) {
            giveBack(mailbox.reason(), mailbox.app());
        } else {
            // refused, and outside numbers too: a menu that dials out for anonymous callers is how toll fraud works
            giveBack(Reason.UNAVAILABLE, null);
        }
    }

    /** A phone answered (and was ACKed): move the caller over to it. */
    @Override
    public void onAnswered(DialledLeg leg, User user) {
        if (over) {
            leg.bye(); // the caller is gone
            return;
        }
        answered = leg;
        caller.offer(leg.lastSdp(), (status, sdp) -> {
            if (over) {
                return;
            }
            if (!OfferListener.accepted(status)) {
                broken(leg, "re-INVITE answered " + status);
                return;
            }
            over = true;
            media.release();
            call.applicationTransferConnected(this, leg, user);
        });
    }

    /** The caller could not be moved: both phones hang up, as when a transfer fails half-way. */
    private void broken(DialledLeg leg, String why) {
        LOG.warn("call {}: cannot connect the caller to {}: {}", call.id(), leg.label(), why);
        over = true;
        leg.bye();
        call.applicationTransferEnded(this);
        media.release();
        call.applicationHungUp();
    }

    @Override
    public void onUnanswered(Hunt.Unanswered outcome) {
        giveBack(outcome.reason(), outcome.next().answeringApp());
    }

    private void giveBack(Reason reason, CallApplication instead) {
        over = true;
        call.applicationTransferEnded(this);
        media.transferFailed(extension, reason, instead);
    }

    /** The caller hung up or the call was ended: stop ringing, and hang up a phone that answered meanwhile. */
    void abandon() {
        if (over) {
            return;
        }
        over = true;
        hunt.abandon();
        if (answered != null) {
            answered.bye();
        }
    }
}
