package com.crosspoint.sip.b2bua;

import com.crosspoint.call.ForwardingPolicy.Reason;
import com.crosspoint.call.voice.CallApplication;
import com.crosspoint.model.User;
import com.crosspoint.routing.Destination;
import com.crosspoint.routing.Rejection;
import java.util.Optional;
import javax.sip.message.Response;

/**
 * A blind transfer (RFC 3515): the transferor asked that the other party, the transferee, be connected to a
 * number instead, routed as a call to it would be. A user is rung as any call to them is ({@link Hunt}: every
 * phone, their forwarding); the phone that answers is offered the transferee's media and the transferee is
 * re-INVITEd with that phone's. A user who is busy, does not answer or has no phone leaves the transferee in
 * their mailbox, as a direct call would; a number the appliance answers itself (a room, a menu) takes the
 * transferee directly (the transferee is re-INVITEd with the appliance's own media). The transferor, told of
 * every step by NOTIFY, is hung up once the transferee is connected. When the transferee cannot be connected
 * anywhere, the transferor hears why and both parties go on talking as before. Touched only on the call's lane.
 */
final class BlindTransfer implements Hunt.Listener {
    private final CallEnvironment env;
    private final B2buaCall call;
    private final Leg transferor;
    private final Leg transferee;
    private final Hunt hunt;
    /** Placing the transferee's call outside, when the target is an outside number. */
    private CalleeSearch outside = CalleeSearch.NONE;
    private final Destination target;
    private final Dialer dialer;
    private final Dialer.Party from;
    /** The user on the transferee's leg: an outside target is billed as theirs. */
    private final User payer;
    private DialledLeg answered;
    private boolean moving;
    private boolean over;

    /**
     * Answers {@code refer}: 404 for a number that is nobody's, 491 when the transferee's media cannot be moved
     * (the appliance's own leg), else 202 and the transfer, not started yet.
     *
     * @param transfereeUser the user on the transferee's leg, whom the target's phones see calling
     */
    static Optional<BlindTransfer> accept(CallEnvironment env, B2buaCall call, Dialer dialer, Leg transferor,
                                          Leg transferee, User transfereeUser, InDialogRequest refer) {
        if (!transferee.movable()) {
            refer.reply(Response.REQUEST_PENDING);
            return Optional.empty();
        }
        Destination target = env.dialPlan().routeWithin(call.tenant(), transfereeUser,
                refer.referTarget() == null ? "" : refer.referTarget());
        if (target instanceof Destination.Rejected rejected && !rejected.why().endsACall()) {
            refer.reply(Response.NOT_FOUND, "Transfer target unknown");
            return Optional.empty();
        }
        refer.reply(Response.ACCEPTED);
        return Optional.of(new BlindTransfer(env, call, dialer, transferor, transferee, transfereeUser, target));
    }

    private BlindTransfer(CallEnvironment env, B2buaCall call, Dialer dialer, Leg transferor, Leg transferee,
                          User transfereeUser, Destination target) {
        this.env = env;
        this.dialer = dialer;
        this.target = target;
        this.call = call;
        this.transferor = transferor;
        this.transferee = transferee;
        this.from = new Dialer.Party(transferee.label(), transfereeUser.displayName());
        this.payer = transfereeUser;
        this.hunt = new Hunt(env, call, dialer, from, transfereeUser, transferee.lastSdp(), this);
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

    /** Goes where the dial plan sends the transferee: a user is rung, an application takes it, else it fails. */
    void start() {
        transferor.transferProgress("SIP/2.0 100 Trying", false);
        goTo(target);
    }

    private void goTo(Destination target) {
        if (target instanceof Destination.Extension user) {
            hunt.start(user);
        } else if (target instanceof Destination.Outside number) {
            TrunkHunt placing = new TrunkHunt(env, call, dialer, from, number.call(), transferee.lastSdp(), this,
                    payer);
            outside = placing;
            placing.start();
        } else if (target.answeringApp() != null) {
            join(target.answeringApp());
        } else {
            failed(((Destination.Rejected) target).why() == Rejection.BUSY ? Response.BUSY_HERE
                    : Response.TEMPORARILY_UNAVAILABLE);
        }
    }

    /** The appliance takes the transferee itself, with {@code app} (a room, a menu, a mailbox). */
    private void join(CallApplication app) {
        ApplicationLeg leg = env.answering(call, transferee, app);
        moving = true;
        leg.join((status, sdp) -> {
            moving = false;
            if (over) {
                leg.bye();
            } else if (OfferListener.accepted(status)) {
                over = true;
                transferor.transferProgress("SIP/2.0 200 OK", true);
                transferor.bye();
                call.transferredToApplication(this, leg);
            } else {
                failed(status);
            }
        });
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
        if (outcome.next() instanceof Destination.Rejected rejected) {
            failed(outcome.reason() == Reason.BUSY ? Response.BUSY_HERE
                    : outcome.lastStatus() >= 600 || rejected.why() == Rejection.OUTSIDE_FAILED ? outcome.lastStatus()
                    : Response.TEMPORARILY_UNAVAILABLE);
        } else {
            goTo(outcome.next()); // the user's mailbox, as for a call to them
        }
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
        outside.abandon();
        if (answered != null) {
            answered.bye();
        }
    }

    private static String reasonPhrase(int status) {
        return switch (status) {
            case Response.BUSY_HERE -> "Busy Here";
            case Response.NOT_FOUND -> "Not Found";
            case Response.DECLINE -> "Decline";
            case Response.NOT_ACCEPTABLE_HERE -> "Not Acceptable Here";
            case Response.SERVICE_UNAVAILABLE -> "Service Unavailable";
            case Response.ADDRESS_INCOMPLETE -> "Address Incomplete";
            case Response.REQUEST_TIMEOUT -> "Request Timeout";
            case Response.FORBIDDEN -> "Forbidden";
            case Response.BUSY_EVERYWHERE -> "Busy Everywhere";
            default -> status >= 500 ? "Server Error" : "Temporarily Unavailable";
        };
    }
}
