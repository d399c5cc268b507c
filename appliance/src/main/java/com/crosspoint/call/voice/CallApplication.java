package com.crosspoint.call.voice;

import com.crosspoint.call.ForwardingPolicy.Reason;
import com.crosspoint.model.Disposition;
import java.util.Map;

/**
 * A voice application driving one {@link CallChannel} (leave a message, listen to a mailbox). Every callback
 * runs on the call's lane, one at a time.
 */
public interface CallApplication {

    /** What the live-calls view shows as the other party ("voicemail", "conference 800"). */
    String label();

    /** How the answered call is recorded on its CDR. */
    default Disposition disposition() {
        return Disposition.ANSWERED;
    }

    /** The call is answered and media flows: start talking. */
    void start(CallChannel channel);

    /** What {@link CallChannel#play} played has ended (played through, not interrupted). */
    default void onPlayed() {
    }

    /** A key pressed by the caller (RFC 4733 or SIP INFO). */
    default void onDigit(char digit) {
    }

    /** A recording ended and its file is committed (or it failed). */
    default void onRecorded(CallChannel.Recorded recorded) {
    }

    /** The timer started with {@link CallChannel#startTimer} ran out. */
    default void onTimer() {
    }

    /**
     * Nobody took the caller this application handed on with {@link CallChannel#transferTo} ({@code extension},
     * for {@code reason}): the application has the caller back, in silence, and decides what follows, say
     * {@link CallChannel#switchTo} {@code instead}, which is where that person's unanswered calls go (their
     * mailbox), or null when there is no such place. An application that transfers must override this: by
     * default the caller is hung up.
     */
    default void onTransferFailed(String extension, Reason reason, CallApplication instead, CallChannel channel) {
        channel.hangUp();
    }

    /**
     * The agent {@code extension} answered the offer made with {@link CallChannel#offerTo}: the caller talks with
     * them now; no callbacks follow but {@link #onHangup()}.
     */
    default void onOfferAnswered(String extension) {
    }

    /**
     * None of the agents offered the caller with {@link CallChannel#offerTo} took the call: how each one's ringing
     * ended (NO_ANSWER: rang out; BUSY: refused; UNAVAILABLE: no phone). The application still has the caller.
     */
    default void onOfferUnanswered(Map<String, Reason> agents, CallChannel channel) {
    }

    /** The caller hung up (or the call was ended from outside); a running recording is still reported. */
    default void onHangup() {
    }
}
