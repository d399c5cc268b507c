package com.crosspoint.voicemail;

import com.crosspoint.call.voice.CallChannel.Audio;
import com.crosspoint.call.voice.CallChannel.Recorded;
import com.crosspoint.call.voice.CallChannel;
import com.crosspoint.model.User;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leaving a message: the box owner's greeting (or the built-in "not available"/"busy" prompt), the tone, then a
 * recording until the caller hangs up, presses #, stays silent, or reaches the maximum length. A recording long enough to be
 * a message is committed with {@link VoicemailService#leave} (its file is already durable); a shorter one is
 * discarded. A caller still on the line hears whether it was saved, then is hung up on.
 */
public final class DepositApp implements VoicemailCall {
    private static final Logger LOG = LoggerFactory.getLogger(DepositApp.class);

    private enum Step { GREETING, RECORDING, CLOSING, DONE }

    private final VoicemailService voicemail;
    private final User box;
    private final GreetingKind kind;
    private final String callerExtension;
    private final String callerName;
    private CallChannel channel;
    private Step step = Step.GREETING;
    private boolean callerGone;

    public DepositApp(VoicemailService voicemail, User box, GreetingKind kind, String callerExtension,
                      String callerName) {
        this.voicemail = voicemail;
        this.box = box;
        this.kind = kind;
        this.callerExtension = callerExtension;
        this.callerName = callerName;
    }

    @Override
    public void start(CallChannel channel) {
        this.channel = channel;
        List<Audio> greeting = new ArrayList<>();
        Optional<Path> own = voicemail.greeting(box, kind);
        if (own.isPresent()) {
            greeting.add(Audio.file(own.get()));
        } else {
            greeting.add(Audio.prompt(kind == GreetingKind.BUSY ? "vm-busy" : "vm-not-available"));
            greeting.add(Audio.prompt("vm-leave-message"));
        }
        greeting.add(Audio.prompt("beep"));
        channel.play(greeting, false);
    }

    @Override
    public void onPlayed() {
        switch (step) {
            case GREETING -> {
                step = Step.RECORDING;
                channel.record(voicemail.newRecording(box), true);
            }
            case CLOSING -> {
                step = Step.DONE;
                channel.hangUp();
            }
            default -> {
            }
        }
    }

    /** {@code #} ends the recording (the caller then hears whether it was saved). */
    @Override
    public void onDigit(char digit) {
        if (step == Step.RECORDING && digit == '#') {
            channel.stopRecording();
        }
    }

    @Override
    public void onHangup() {
        callerGone = true;
        if (step != Step.RECORDING) {
            step = Step.DONE;
        }
    }

    @Override
    public void onRecorded(Recorded recorded) {
        if (step != Step.RECORDING) {
            return;
        }
        String closing;
        if (recorded.file() == null || recorded.end() == Recorded.End.FAILED) {
            LOG.warn("message for {} not recorded", box.extension());
            closing = "goodbye";
        } else if (recorded.durationMillis() < VoicemailService.MIN_MESSAGE_MILLIS) {
            voicemail.discard(recorded.file());
            closing = "vm-too-short";
        } else {
            try {
                voicemail.leave(box, callerExtension, callerName, recorded.file(), recorded.durationMillis());
                closing = "vm-message-saved";
            } catch (RuntimeException e) {
                LOG.error("message for {} could not be saved", box.extension(), e);
                voicemail.discard(recorded.file());
                closing = "goodbye";
            }
        }
        if (callerGone) {
            step = Step.DONE;
            return;
        }
        step = Step.CLOSING;
        channel.play(Audio.prompts(closing), false);
    }
}
