package com.crosspoint.call.voice;

import com.crosspoint.model.Disposition;

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

    /** The caller hung up (or the call was ended from outside); a running recording is still reported. */
    default void onHangup() {
    }
}
