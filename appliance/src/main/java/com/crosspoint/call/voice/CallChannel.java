package com.crosspoint.call.voice;

import com.crosspoint.media.engine.AudioSink;
import com.crosspoint.media.engine.AudioSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A call the appliance answered itself, as a voice application sees it: it can play, record and hang up; what
 * happens comes back through {@link CallApplication}. Implemented by the SIP side (a media leg of the B2BUA);
 * every method is called, and every callback delivered, on the call's lane.
 */
public interface CallChannel {

    /**
     * Plays the items back to back (replacing whatever plays now); {@link CallApplication#onPlayed()} follows when
     * they played through. With {@code bargeIn} a key press stops them instead: the application then hears only
     * {@link CallApplication#onDigit(char)}.
     */
    void play(List<Audio> items, boolean bargeIn);

    /**
     * Records what the caller says into {@code target} (committed there when it ends) until the configured
     * maximum length, {@link #stopRecording()}, the caller hanging up or, with {@code stopOnSilence}, the
     * configured run of silence; {@link CallApplication#onRecorded(Recorded)} follows, also after a hang-up.
     */
    void record(Path target, boolean stopOnSilence);

    /** Ends the running recording (it is committed and reported). */
    void stopRecording();

    /** Hangs up on the caller; no callbacks follow except a pending {@link CallApplication#onRecorded}. */
    void hangUp();

    /**
     * Starts the application's one timer (a no-input timeout, say), replacing a running one:
     * {@link CallApplication#onTimer()} follows after {@code after} unless it is cancelled or restarted first, or
     * the call ends.
     */
    void startTimer(Duration after);

    /** Cancels the running timer, if any. */
    void cancelTimer();

    /**
     * Connects the call's audio directly: {@code out} is what the caller hears from the next 20 ms tick on (it
     * replaces a prompt playing now; null for silence), {@code in} receives what the caller says, jitter-buffered
     * and decoded (it replaces a recording; null for nowhere). Both are called on the pacing thread and must
     * not block. Used by applications that mix audio themselves, such as a conference bridge.
     */
    void connectAudio(AudioSource out, AudioSink in);

    /**
     * Hands the caller to a person: {@code extension} (a user of the call's tenant) is rung as a call to it
     * would be (forwarding, do-not-disturb, every registered phone) while the caller hears ringing; whoever
     * answers talks with the caller and the appliance leaves the media path; the application then gets no more
     * callbacks but {@link CallApplication#onHangup()}. When nobody answers, the application has the caller back:
     * {@link CallApplication#onTransferFailed}.
     */
    void transferTo(String extension);

    /**
     * Offers the caller to a queue's agents ({@code extensions}, users of the call's tenant): each one's phones
     * ring at once for {@code ringFor}, without their forwarding; the caller keeps hearing what plays now (a
     * queue's music). The first agent to answer talks with the caller ({@link CallApplication#onOfferAnswered},
     * then only {@link CallApplication#onHangup()}); when none does, {@link CallApplication#onOfferUnanswered}.
     * Keys pressed meanwhile still reach the application.
     */
    void offerTo(List<String> extensions, Duration ringFor);

    /**
     * Runs {@code task} on the call's lane, unless the call has ended by then: how events from outside the call
     * (a queue's offer) reach the application one at a time with its callbacks.
     */
    void onLane(Runnable task);

    /** The call's id, as on its live view and its CDR. */
    String callId();

    /**
     * Hands the call, as it is, to another application (a mailbox to leave a message in, say), which starts at
     * once; this one gets no more callbacks.
     */
    void switchTo(CallApplication next);

    /** A prompt of the prompt library by name, or a WAV file (8 kHz mono) such as a message or a greeting. */
    record Audio(String prompt, Path file) {
        public Audio {
            if ((prompt == null) == (file == null)) {
                throw new IllegalArgumentException("a prompt or a file");
            }
        }

        public static Audio prompt(String name) {
            return new Audio(Objects.requireNonNull(name, "name"), null);
        }

        public static Audio file(Path file) {
            return new Audio(null, Objects.requireNonNull(file, "file"));
        }

        public static List<Audio> prompts(String... names) {
            return java.util.Arrays.stream(names).map(Audio::prompt).toList();
        }
    }

    /**
     * A recording that ended.
     *
     * @param file           the committed WAV file, or null when it failed
     * @param durationMillis audio in the file
     */
    record Recorded(Path file, long durationMillis, End end) {
        /** Why: its maximum length, silence, stopped (by the application or because the caller hung up), failure. */
        public enum End { MAX_LENGTH, SILENCE, STOPPED, FAILED }
    }
}
