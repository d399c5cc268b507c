package com.crosspoint.conference;

import com.crosspoint.call.voice.CallApplication;
import com.crosspoint.call.voice.CallChannel;
import com.crosspoint.call.voice.CallChannel.Audio;
import com.crosspoint.conference.ConferenceBridge.Participant;
import com.crosspoint.model.ConferenceRoom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A caller in a conference room. A room with a PIN asks for it first (digits then #, or a pause after the
 * digits; three wrong attempts end the call). A full room says so and hangs up. Otherwise "you are now in the
 * conference" (and "you are the only person" to the first one), then the caller's audio is connected to the
 * room's {@link ConferenceBridge}. The key {@code *} toggles the caller's own mute, announced with "you are
 * muted" / "no longer muted" (the room is not heard during the announcement). Hanging up leaves the room.
 *
 * <p>Mute and kick by an admin arrive from another thread: the call polls its participant every
 * {@link #POLL} (a call can only be acted on from its own lane), announces a mute change and hangs up when kicked.
 */
public final class ConferenceApp implements CallApplication {
    static final int MAX_PIN_ATTEMPTS = 3;
    /** The key that toggles the caller's own mute. */
    public static final char MUTE_KEY = '*';
    static final Duration PIN_TIMEOUT = Duration.ofSeconds(8);
    static final Duration POLL = Duration.ofMillis(500);
    private static final int MAX_ENTRY = 20;

    private enum Step { PIN, JOINING, IN, NOTICE, GOODBYE, DONE }

    private final ConferenceService conferences;
    private final ConferenceRoom room;
    private final String caller;
    private final StringBuilder entry = new StringBuilder();
    private CallChannel channel;
    private Step step;
    private int attempts;
    private Participant participant;
    private boolean announcedMuted;

    /** @param caller how the caller is listed among the participants */
    public ConferenceApp(ConferenceService conferences, ConferenceRoom room, String caller) {
        this.conferences = conferences;
        this.room = room;
        this.caller = caller;
    }

    @Override
    public String label() {
        return "conference " + room.number();
    }

    @Override
    public void start(CallChannel channel) {
        this.channel = channel;
        if (room.pinRequired()) {
            step = Step.PIN;
            channel.play(Audio.prompts("conf-enter-pin"), true);
        } else {
            enter();
        }
    }

    /** The participant in the room, once joined (tests, admin view). */
    public Optional<Participant> participant() {
        return Optional.ofNullable(participant);
    }

    @Override
    public void onPlayed() {
        switch (step) {
            case PIN -> channel.startTimer(PIN_TIMEOUT);
            case JOINING, NOTICE -> connect();
            case GOODBYE -> hangUp();
            default -> {
            }
        }
    }

    @Override
    public void onDigit(char digit) {
        switch (step) {
            case PIN -> pinDigit(digit);
            case IN, NOTICE -> {
                if (digit == MUTE_KEY) {
                    conferences.mute(participant, !participant.muted());
                    announce();
                }
            }
            default -> {
            }
        }
    }

    @Override
    public void onTimer() {
        switch (step) {
            case PIN -> checkPin();
            case IN, NOTICE -> poll();
            default -> {
            }
        }
    }

    @Override
    public void onHangup() {
        step = Step.DONE;
        channel.cancelTimer();
        if (participant != null) {
            conferences.leave(room, participant);
        }
    }

    private void pinDigit(char digit) {
        if (digit == '#') {
            checkPin();
            return;
        }
        if (entry.length() < MAX_ENTRY) {
            entry.append(digit);
        }
        channel.startTimer(PIN_TIMEOUT); // a pause after the digits counts as #
    }

    private void checkPin() {
        channel.cancelTimer();
        String pin = entry.toString();
        entry.setLength(0);
        if (conferences.checkPin(room, pin)) {
            enter();
            return;
        }
        attempts++;
        if (attempts >= MAX_PIN_ATTEMPTS) {
            step = Step.GOODBYE;
            channel.play(Audio.prompts("conf-wrong-pin", "goodbye"), false);
            return;
        }
        channel.play(Audio.prompts("conf-wrong-pin", "conf-enter-pin"), true);
    }

    private void enter() {
        Optional<Participant> joined = conferences.join(room, caller);
        if (joined.isEmpty()) {
            step = Step.GOODBYE;
            channel.play(Audio.prompts("conf-full"), false);
            return;
        }
        participant = joined.get();
        step = Step.JOINING;
        // In the room already (counted, heard by none until connected): two callers at once are not both "alone".
        List<String> prompts = new ArrayList<>(List.of("conf-joined"));
        if (participant.bridge().size() == 1) {
            prompts.add("conf-alone");
        }
        channel.play(Audio.prompts(prompts.toArray(String[]::new)), false);
    }

    private void connect() {
        step = Step.IN;
        channel.connectAudio(participant.source(), participant.sink());
        channel.startTimer(POLL);
    }

    private void announce() {
        step = Step.NOTICE;
        announcedMuted = participant.muted();
        channel.play(Audio.prompts(announcedMuted ? "conf-muted" : "conf-unmuted"), false);
    }

    private void poll() {
        if (participant.kicked()) {
            hangUp();
            return;
        }
        if (participant.muted() != announcedMuted) {
            announce(); // an admin muted or unmuted this caller
        }
        channel.startTimer(POLL);
    }

    private void hangUp() {
        step = Step.DONE;
        channel.cancelTimer();
        if (participant != null) {
            conferences.leave(room, participant);
        }
        channel.hangUp();
    }
}
