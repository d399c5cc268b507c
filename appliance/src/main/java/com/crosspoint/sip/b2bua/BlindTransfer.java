package com.crosspoint.sip.b2bua;

import com.crosspoint.call.ForwardingPolicy.Reason;
import com.crosspoint.model.User;
import com.crosspoint.routing.Destination;
import com.crosspoint.routing.Rejection;
import javax.sip.message.Response;

/**
 * A blind transfer (RFC 3515): the transferor asked that the other party, the transferee, be connected to a
 * user instead. The user is rung as any call to them is ({@link Hunt}: every phone, their forwarding); the phone
 * that answers is offered the transferee's media and the transferee is re-INVITEd with that phone's, and the
 * transferor, told of every step by NOTIFY, is hung up. When nobody answers, the transferor hears why and both
 * parties go on talking as before. Touched only on the call's lane.
 */
final class BlindTransfer implements Hunt.Listener {
    private final B2buaCall call;
    private final Leg transferor;
    private final Leg transferee;
    private final Hunt hunt;
    private DialledLeg answered;
    private boolean moving;
    private boolean over;

    /** @param transfereeUser the user on the transferee's leg, whom the target's phones see calling */
    BlindTransfer(CallEnvironment env, B2buaCall call, Dialer dialer, Leg transferor, Leg transferee,
                  User transfereeUser) {
        this.call = call;
        this.transferor = transferor;
        this.transferee = transferee;
        this.hunt = new Hunt(env, call, dialer, new Dialer.Party(transferee.label(), transfereeUser.displayName()),
                transfereeUser, transferee.lastSdp(), this);
    }

    Leg transferor() {
        return transferor;
    }

    Leg transferee() {
        return transferee;
    }

    /** Whether the transferee is being re-INVITEd to the target (another re-INVITE would cross it). */
    boolean moving() {
        return moving;
    }

    /**
     * Rings the user the dial plan chose. A user who cannot be rung at all (do-not-disturb, a forwarding loop)
     * fails the transfer at once: busy, or unavailable.
     */
    void start(Destination target) {
        transferor.transferProgress("SIP/2.0 100 Trying", false);
        if (target instanceof Destination.Extension user) {
            hunt.start(user);
            return;
        }
        boolean busy = target instanceof Destination.Mailbox mailbox && mailbox.reason() == Reason.BUSY
                || target instanceof Destination.Rejected rejected && rejected.why() == Rejection.BUSY;
        failed(busy ? Response.BUSY_HERE : Response.TEMPORARILY_UNAVAILABLE);
    }

    @Override
    public void onAnswered(DialledLeg leg, User user) {
        if (over) {
            leg.bye();
            return;
        }
        answered = leg;
        moving = true;
        // The transferee now talks to the target: offer it the target's session description.
        transferee.offer(leg.lastSdp(), (status, sdp) -> {
            moving = false;
            if (!over) {
                over = true;
                transferor.transferProgress("SIP/2.0 200 OK", true);
                transferor.bye();
                call.transferConnected(this, leg, user);
            }
        });
    }

    @Override
    public void onUnanswered(Hunt.Unanswered outcome) {
        failed(outcome.reason() == Reason.BUSY ? Response.BUSY_HERE
                : outcome.lastStatus() >= 600 ? outcome.lastStatus() : Response.TEMPORARILY_UNAVAILABLE);
    }

    private void failed(int status) {
        if (over) {
            return;
        }
        over = true;
        transferor.transferProgress("SIP/2.0 " + status + " " + reasonPhrase(status), true);
        call.transferEnded(this);
    }

    /** The call ended: stop ringing; a phone that answered meanwhile is hung up. */
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

    private static String reasonPhrase(int status) {
        return switch (status) {
            case Response.BUSY_HERE -> "Busy Here";
            case Response.NOT_FOUND -> "Not Found";
            case Response.DECLINE -> "Decline";
            default -> "Temporarily Unavailable";
        };
    }
}
