package com.crosspoint.sip.b2bua;

import com.crosspoint.call.ForwardingPolicy.Reason;
import com.crosspoint.model.Binding;
import com.crosspoint.model.User;
import com.crosspoint.routing.Destination;
import com.crosspoint.routing.Rejection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sip.message.Response;

/**
 * Ringing a user for a call: every registered phone at once, the first to answer wins and the others are
 * cancelled. A user who is busy (every phone said so), does not answer in their ring time, or has no phone
 * to ring is followed where their forwarding for that case leads ({@link com.crosspoint.routing.DialPlan#unanswered}),
 * as a call to that user would be. When that leads to no one to ring, the hunt is over and its owner hears why,
 * with the dial plan's answer of where the call would go now (a mailbox, nowhere), and decides: a call goes
 * there, a voice application takes the caller back, a blind transfer reports failure, a queue keeps its caller.
 * Used by every call, by a voice application handing a caller to a person and by blind transfer. Touched only on
 * the call's lane.
 */
final class Hunt implements RingListener, CalleeSearch {
    /** Ring time of a user who set none. */
    static final int DEFAULT_RING_SECONDS = 20;

    /** What the owner of a hunt hears, on the call's lane. */
    interface Listener {
        /** A phone rings (180), or plays early media (183 with {@code sdp}); only before one answers. */
        default void onRinging(int status, byte[] sdp) {
        }

        /** {@code leg} answered for {@code user}; the other phones are being cancelled; the hunt is over. */
        void onAnswered(DialledLeg leg, User user);

        /** Nobody answered; the hunt is over. */
        void onUnanswered(Unanswered outcome);

        /** Billing refused an outside call: the caller is answered {@code refusal}; the hunt is over. */
        default void onRefused(Rejections.Refusal refusal) {
            onUnanswered(new Unanswered(Reason.UNAVAILABLE, null,
                    new Destination.Rejected(Rejection.OUTSIDE_FAILED), refusal.status()));
        }
    }

    /**
     * Why nobody answered: {@code reason} at {@code user}, the last user rung; {@code next} is where the dial plan
     * sends such a call now (never another extension: the hunt has followed those); {@code lastStatus} the final
     * status of the last phone that gave up (0 when none was rung).
     */
    record Unanswered(Reason reason, User user, Destination next, int lastStatus) {
    }

    /**
     * How long a hunt rings and whether it follows the user's forwarding: a call rings for the user's ring time
     * and follows it; a queue's offer to an agent rings for the queue's time and comes straight back.
     */
    record Ringing(int seconds, boolean followsForwarding) {
        static final Ringing AS_THE_USER_SET = new Ringing(0, true);

        static Ringing offer(int seconds) {
            return new Ringing(seconds, false);
        }
    }

    private final CallEnvironment env;
    private final B2buaCall call;
    private final Dialer dialer;
    private final Dialer.Party from;
    private final User callerUser;
    private final byte[] offer;
    private final Listener listener;
    private final Ringing ringing;
    private final List<DialledLeg> legs = new ArrayList<>();
    private Destination.Extension target;
    private CallTimer noAnswer = CallTimer.NONE;
    private boolean over;

    /**
     * @param from       who the phones are told is calling
     * @param callerUser the user calling, for the mailbox message of an unanswered call; null when none
     * @param offer      the session description offered to the phones (null: a late offer)
     */
    Hunt(CallEnvironment env, B2buaCall call, Dialer dialer, Dialer.Party from, User callerUser, byte[] offer,
         Listener listener) {
        this(env, call, dialer, from, callerUser, offer, listener, Ringing.AS_THE_USER_SET);
    }

    Hunt(CallEnvironment env, B2buaCall call, Dialer dialer, Dialer.Party from, User callerUser, byte[] offer,
         Listener listener, Ringing ringing) {
        this.ringing = ringing;
        this.env = env;
        this.call = call;
        this.dialer = dialer;
        this.from = from;
        this.callerUser = callerUser;
        this.offer = offer;
        this.listener = listener;
    }

    /** A hunt for {@code call}'s callee, reporting to the call, started at {@code destination}. */
    static Hunt ringing(CallEnvironment env, B2buaCall call, Dialer dialer, Dialer.Party from, User callerUser,
                        byte[] offer, Destination.Extension destination) {
        Hunt hunt = new Hunt(env, call, dialer, from, callerUser, offer, call);
        hunt.start(destination);
        return hunt;
    }

    /** Rings the user the dial plan chose. */
    void start(Destination.Extension destination) {
        target = destination;
        legs.clear();
        User user = destination.user();
        for (Binding phone : env.phonesOf(call.tenant(), user)) {
            dialer.dial(phone, from, user.extension(), offer, this).ifPresent(legs::add);
        }
        if (legs.isEmpty()) {
            unanswered(Reason.UNAVAILABLE, Response.TEMPORARILY_UNAVAILABLE);
            return;
        }
        int seconds = ringing.seconds() > 0 ? ringing.seconds()
                : user.settings().noAnswerSeconds() > 0 ? user.settings().noAnswerSeconds() : DEFAULT_RING_SECONDS;
        noAnswer.cancel();
        noAnswer = env.schedule(call.id(), Duration.ofSeconds(seconds), this::onNoAnswer);
    }

    /** The user being rung now (the last one, once the hunt is over). */
    User user() {
        return target.user();
    }

    boolean over() {
        return over;
    }

    /** The caller is gone or the call was ended: stop ringing; a phone that answers after this is hung up. */
    @Override
    public void abandon() {
        if (over) {
            return;
        }
        over = true;
        noAnswer.cancel();
        cancelRinging();
    }

    @Override
    public void onProvisional(DialledLeg leg, int status, byte[] sdp) {
        if (!over && legs.contains(leg)) {
            listener.onRinging(status, sdp);
        }
    }

    @Override
    public void onAnswered(DialledLeg leg) {
        if (over || !legs.contains(leg)) {
            leg.bye(); // lost the race, or nobody wants it any more
            return;
        }
        over = true;
        noAnswer.cancel();
        legs.remove(leg);
        cancelRinging();
        listener.onAnswered(leg, target.user());
    }

    @Override
    public void onFailed(DialledLeg leg, int status) {
        if (over || !legs.contains(leg) || legs.stream().anyMatch(DialledLeg::pending)) {
            return;
        }
        // Every phone has given up: decide as a person would expect (all busy = busy).
        boolean allBusy = legs.stream().allMatch(l -> l.finalStatus() == Response.BUSY_HERE
                || l.finalStatus() == Response.BUSY_EVERYWHERE || l.finalStatus() == Response.DECLINE);
        legs.clear();
        noAnswer.cancel();
        unanswered(allBusy ? Reason.BUSY : Reason.UNAVAILABLE, status);
    }

    private void onNoAnswer() {
        if (over) {
            return;
        }
        cancelRinging();
        legs.clear();
        unanswered(Reason.NO_ANSWER, Response.TEMPORARILY_UNAVAILABLE);
    }

    /** The user could not take the call: on to where their forwarding leads, or the owner decides. */
    private void unanswered(Reason reason, int lastStatus) {
        User user = target.user();
        Destination next = ringing.followsForwarding() && env.followsForwarding()
                ? env.dialPlan().unanswered(user, reason, target.path(), callerUser)
                : new Destination.Rejected(Rejection.of(reason));
        if (next instanceof Destination.Extension forwarded) {
            start(forwarded);
            return;
        }
        over = true;
        listener.onUnanswered(new Unanswered(reason, user, next, lastStatus));
    }

    private void cancelRinging() {
        legs.stream().filter(DialledLeg::pending).forEach(DialledLeg::cancel);
    }
}
