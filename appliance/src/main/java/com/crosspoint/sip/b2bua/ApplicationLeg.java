package com.crosspoint.sip.b2bua;

import com.crosspoint.call.ForwardingPolicy.Reason;
import com.crosspoint.call.voice.CallApplication;
import com.crosspoint.model.Disposition;
import java.util.Map;
import javax.sip.message.Response;

/** The appliance as the other party of a call, with a voice application talking to the caller ({@link MediaLeg}). */
interface ApplicationLeg extends Leg {

    /** What answering the caller's offer came to: 200 with our description, or the failure status. */
    record Answer(int status, String reason, byte[] sdp) {
        boolean ok() {
            return status == Response.OK;
        }
    }

    /**
     * Opens the media and answers the caller's offer: 200 with our SDP (an offer when the caller sent none),
     * 488 when no codec fits, 503 when no media resources are free. Sends nothing; the call answers the caller.
     */
    Answer negotiate();

    /**
     * Opens the media and offers it to the party this leg talks to, a phone already in a dialog with the
     * appliance (a transferee), with a re-INVITE; {@code joined} hears the phone's final status (a 2xx once its
     * answer is accepted). Then {@link #start}.
     */
    void join(OfferListener joined);

    /** The caller has our 200: the application starts (after a late offer, once the ACK brought the answer). */
    void start();

    /** What the caller hears while the person the application transfers them to is rung. */
    void ringback();

    /** The caller now talks to someone else: the media is released and the application is told nothing. */
    void release();

    /**
     * Nobody took the caller the application handed on ({@code extension}, for {@code reason}): the application
     * has the caller back; {@code instead} is where that person's unanswered calls go (their mailbox), or null.
     */
    void transferFailed(String extension, Reason reason, CallApplication instead);

    /** An agent the application offered the caller to ({@code extension}) answered; {@link #release} follows. */
    void offerAnswered(String extension);

    /** None of the agents the application offered the caller to took it: how each one's ringing ended. */
    void offerFailed(Map<String, Reason> agents);

    /** How the call is recorded while this application (or the one it switched to) has it. */
    Disposition disposition();
}
