package com.crosspoint.sip.b2bua;

import com.crosspoint.call.ForwardingPolicy.Reason;
import com.crosspoint.call.voice.CallApplication;
import com.crosspoint.call.voice.CallChannel;
import com.crosspoint.media.engine.AudioSink;
import com.crosspoint.media.engine.AudioSource;
import com.crosspoint.media.engine.MediaSession;
import com.crosspoint.media.play.LoopPlayer;
import com.crosspoint.media.play.PlaylistPlayer;
import com.crosspoint.media.record.Recorder;
import com.crosspoint.media.wav.WavAudio;
import com.crosspoint.media.wav.WavReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a voice application on a {@link MediaLeg} sees of its call: prompts played, recordings, one timer, raw
 * audio, key presses, and handing the caller on. It also delivers the application's callbacks, each once and only
 * while the application still has the call. Touched only on the call's lane; media callbacks hop onto it.
 */
final class VoiceChannel implements CallChannel {
    private static final Logger LOG = LoggerFactory.getLogger(VoiceChannel.class);

    private final MediaServices media;
    private final B2buaCall call;
    private final MediaLeg leg;
    private CallApplication app;
    private MediaSession session;
    /** The application handed the caller to a person ({@link #transferTo}): it hears no keys meanwhile. */
    private boolean handedOff;
    private PlaylistPlayer player;
    private boolean playerBargeIn;
    private Recorder recorder;
    private CallTimer timer = CallTimer.NONE;

    VoiceChannel(MediaServices media, B2buaCall call, MediaLeg leg, CallApplication app) {
        this.media = media;
        this.call = call;
        this.leg = leg;
        this.app = app;
    }

    CallApplication application() {
        return app;
    }

    /** The leg's media session is open: the channel plays and records on it. */
    void attach(MediaSession s) {
        session = s;
    }

    /** The session is going away: nothing more is played or timed. */
    void detach() {
        cancelTimer();
        player = null;
    }

    /** The caller is answered and media flows: the application starts. */
    void begin() {
        app.start(this);
    }

    /** The caller hung up: the application hears it (a running recording is still reported). */
    void callerLeft() {
        app.onHangup();
    }

    private boolean usable() {
        return !leg.ended() && session != null;
    }

    // ---- CallChannel -------------------------------------------------------------------------------------------

    @Override
    public void play(List<Audio> items, boolean bargeIn) {
        if (!usable()) {
            return;
        }
        List<short[]> samples = new ArrayList<>(items.size());
        for (Audio a : items) {
            try {
                samples.add(a.prompt() != null ? media.prompts().samples(a.prompt()) : read(a.file()));
            } catch (IOException | RuntimeException e) {
                LOG.warn("call {}: cannot play {}: {}", call.id(), a, e.getMessage());
            }
        }
        PlaylistPlayer[] self = new PlaylistPlayer[1];
        self[0] = new PlaylistPlayer(samples, bargeIn, outcome -> call.onLane(() -> played(self[0], outcome)));
        player = self[0];
        playerBargeIn = bargeIn;
        session.play(self[0]);
    }

    private static short[] read(Path file) throws IOException {
        WavAudio audio = WavReader.read(file);
        if (audio.format().sampleRate() != 8000) {
            throw new IOException(file + " is not 8 kHz");
        }
        return audio.samples();
    }

    private void played(PlaylistPlayer p, PlaylistPlayer.Outcome outcome) {
        if (p != player || leg.ended() || outcome.interrupted()) {
            return;
        }
        player = null;
        app.onPlayed();
    }

    @Override
    public void record(Path target, boolean stopOnSilence) {
        if (!usable()) {
            return;
        }
        Recorder.Limits limits = media.limits();
        if (!stopOnSilence) {
            limits = new Recorder.Limits(limits.maxSeconds(), limits.maxSeconds(), limits.thresholdDbfs());
        }
        Recorder[] self = new Recorder[1];
        try {
            self[0] = Recorder.start(target, limits, media.files(), r -> call.onLane(() -> recorded(self[0], r)));
        } catch (IOException e) {
            LOG.warn("call {}: cannot record to {}: {}", call.id(), target, e.getMessage());
            call.onLane(() -> app.onRecorded(new Recorded(null, 0, Recorded.End.FAILED)));
            return;
        }
        recorder = self[0];
        session.sink(self[0]);
    }

    private void recorded(Recorder r, Recorder.Recording result) {
        if (r == recorder) {
            recorder = null;
        }
        Recorded.End end = switch (result.reason()) {
            case MAX_LENGTH -> Recorded.End.MAX_LENGTH;
            case SILENCE -> Recorded.End.SILENCE;
            case STOPPED -> Recorded.End.STOPPED;
            case FAILED -> Recorded.End.FAILED;
        };
        // delivered after a hang-up too: the application commits what was said before it
        app.onRecorded(new Recorded(result.file(), result.durationMillis(), end));
    }

    @Override
    public void stopRecording() {
        if (recorder != null) {
            recorder.stop();
        }
    }

    @Override
    public void startTimer(Duration after) {
        cancelTimer();
        if (leg.ended()) {
            return;
        }
        CallTimer[] self = new CallTimer[1];
        self[0] = call.schedule(after, () -> {
            if (timer == self[0] && !leg.ended()) {
                timer = CallTimer.NONE;
                app.onTimer();
            }
        });
        timer = self[0];
    }

    @Override
    public void cancelTimer() {
        timer.cancel();
        timer = CallTimer.NONE;
    }

    @Override
    public void connectAudio(AudioSource out, AudioSink in) {
        if (!usable()) {
            return;
        }
        player = null;
        recorder = null;
        session.play(out);
        session.sink(in);
    }

    @Override
    public void transferTo(String extension) {
        if (leg.ended()) {
            return;
        }
        cancelTimer();
        handedOff = true;
        call.transferFromApplication(leg, transfer -> transfer.toPerson(extension));
    }

    @Override
    public void offerTo(List<String> extensions, Duration ringFor) {
        if (leg.ended()) {
            return;
        }
        call.transferFromApplication(leg, transfer -> transfer.toAgents(extensions,
                (int) Math.max(1, ringFor.toSeconds())));
    }

    @Override
    public void onLane(Runnable task) {
        call.onLane(() -> {
            if (!leg.ended()) {
                task.run();
            }
        });
    }

    @Override
    public String callId() {
        return call.id();
    }

    @Override
    public void switchTo(CallApplication next) {
        if (leg.ended()) {
            return;
        }
        cancelTimer();
        stopRecording();
        player = null;
        recorder = null;
        handedOff = false;
        app = next;
        call.publishUnlessEnded();
        next.start(this);
    }

    @Override
    public void hangUp() {
        leg.applicationHungUp();
    }

    // ---- from the call -----------------------------------------------------------------------------------------

    /** What the caller hears while the person the application transferred them to is rung. */
    void ringback() {
        if (usable()) {
            player = null;
            session.play(new LoopPlayer(Ringback.SAMPLES));
        }
    }

    /** Nobody took the caller the application handed on: it has the caller back, in silence until it acts. */
    void transferFailed(String extension, Reason reason, CallApplication instead) {
        handedOff = false;
        if (usable()) {
            session.play(null);
        }
        app.onTransferFailed(extension, reason, instead, this);
    }

    /** An agent the application offered the caller to answered. */
    void offerAnswered(String extension) {
        app.onOfferAnswered(extension);
    }

    /** No agent took the offer: the application still has the caller, whose audio goes on as it was. */
    void offerFailed(Map<String, Reason> agents) {
        app.onOfferUnanswered(agents, this);
    }

    /** A key the caller pressed (RFC 4733 or SIP INFO). */
    void digit(char key) {
        if (leg.ended() || handedOff) {
            return;
        }
        if (player != null && playerBargeIn) {
            player.interrupt(key);
            player = null;
        }
        app.onDigit(key);
    }
}
