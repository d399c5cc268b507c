package com.crosspoint.sip.b2bua;

import com.crosspoint.call.CallOrigination;
import com.crosspoint.call.ForwardingPolicy.Reason;
import com.crosspoint.model.CallQualitySummary;
import com.crosspoint.model.Disposition;
import com.crosspoint.model.User;
import com.crosspoint.routing.Destination;
import com.crosspoint.routing.ForwardingPath;
import com.crosspoint.routing.Rejection;
import javax.sip.message.Response;

/**
 * The first half of a call the appliance places ({@link CallOrigination}): the first user's phones ring with a
 * late offer (an INVITE without SDP, as RFC 3725 flow I), and the phone that answers becomes the call's caller
 * leg: its offer goes to the second destination and the ACK of its 2xx carries that party's answer, so the two
 * talk as any call does. The first phone retransmits its unacknowledged 2xx meanwhile and gives up after 32 s
 * (RFC 3261 §13.3.1.4), so the second party must answer within that. The first user is rung for the given time
 * without forwarding; the second destination must be a person or an outside number (a second user's own
 * forwarding is followed as for any call). Touched only on the call's lane.
 */
final class Origin implements Hunt.Listener {
    private final CallOrigination.Progress progress;
    private final boolean secondInPerson;
    private B2buaCall call;
    private Hunt hunt;
    private Destination second;
    private boolean connected;
    private boolean ended;

    Origin(CallOrigination.Progress progress, boolean secondInPerson) {
        this.progress = progress;
        this.secondInPerson = secondInPerson;
    }

    /** The second user's forwarding and voicemail are followed unless the placement wants the person. */
    boolean followsForwarding() {
        return !secondInPerson;
    }

    /** The call's caller leg until the first user answers (the call is built with it). */
    CallerLeg standIn(B2buaCall placed) {
        this.call = placed;
        return new NobodyYet();
    }

    /** Rings {@code first}'s phones for {@code seconds}, showing {@code shown} as calling; then {@code then}. */
    void ringFirst(CallEnvironment env, User first, int seconds, Dialer.Party shown, Destination then) {
        second = onlyPeople(then);
        hunt = new Hunt(env, call, env.dialer(call, 70), shown, null, null, this, Hunt.Ringing.offer(seconds));
        hunt.start(new Destination.Extension(first, ForwardingPath.START));
    }

    /** Where the second party's call may go: a person or an outside number, else it is refused. */
    static Destination onlyPeople(Destination destination) {
        return destination instanceof Destination.Extension || destination instanceof Destination.Outside
                ? destination : new Destination.Rejected(Rejection.of(Reason.UNAVAILABLE));
    }

    @Override
    public void onAnswered(DialledLeg leg, User user) {
        if (call.ended()) {
            leg.bye();
            return;
        }
        progress.firstAnswered();
        call.callerAnswered((CallerLeg) leg);
        call.start(second);
    }

    @Override
    public void onUnanswered(Hunt.Unanswered outcome) {
        int status = outcome.lastStatus() > 0 ? outcome.lastStatus() : Response.TEMPORARILY_UNAVAILABLE;
        call.onRefused(new Rejections.Refusal(status, null, Disposition.NO_ANSWER));
    }

    /** The call shows both parties talking. */
    void connected() {
        if (!connected && !ended) {
            connected = true;
            progress.connected();
        }
    }

    /** The call's record is written: it is over. */
    void ended(int cause) {
        if (!ended) {
            ended = true;
            progress.ended(connected, cause);
        }
    }

    /**
     * Stands for the first user while their phones ring: nothing to answer yet; a call ended meanwhile (from the
     * API) rejects it, which stops the ringing.
     */
    private final class NobodyYet implements CallerLeg {
        @Override
        public String label() {
            return "origin";
        }

        @Override
        public byte[] lastSdp() {
            return null;
        }

        @Override
        public String codec() {
            return null;
        }

        @Override
        public CallQualitySummary quality() {
            return null;
        }

        @Override
        public boolean movable() {
            return false;
        }

        @Override
        public boolean ended() {
            return false;
        }

        @Override
        public void offer(byte[] sdp, OfferListener answered) {
            answered.answered(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, null);
        }

        @Override
        public int relay(InDialogRequest request) {
            return Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST;
        }

        @Override
        public boolean awaitsAnswer() {
            return false;
        }

        @Override
        public void acceptAnswer(byte[] sdp) {
        }

        @Override
        public void bye() {
        }

        @Override
        public void transferProgress(String statusLine, boolean last) {
        }

        @Override
        public void ringing(int status, byte[] sdp) {
        }

        @Override
        public void answer(byte[] sdp) {
        }

        @Override
        public void reject(int status, String reason) {
            if (hunt != null) {
                hunt.abandon();
            }
        }

        @Override
        public boolean finalSent() {
            return false;
        }
    }
}
