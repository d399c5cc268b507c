package com.crosspoint.sip.b2bua;

import com.crosspoint.call.voice.CallApplication;
import com.crosspoint.call.voice.CallChannel;
import com.crosspoint.media.dtmf.DigitEvent;
import com.crosspoint.media.dtmf.InfoDigit;
import com.crosspoint.media.dtmf.MalformedDtmfException;
import com.crosspoint.media.dtmf.SipInfoDtmf;
import com.crosspoint.media.engine.AudioSink;
import com.crosspoint.media.engine.AudioSource;
import com.crosspoint.media.engine.MediaSession;
import com.crosspoint.media.engine.MediaUnavailableException;
import com.crosspoint.media.engine.SessionListener;
import com.crosspoint.media.engine.SessionRequest;
import com.crosspoint.media.play.LoopPlayer;
import com.crosspoint.media.play.PlaylistPlayer;
import com.crosspoint.media.quality.CallQuality;
import com.crosspoint.media.record.Recorder;
import com.crosspoint.media.sdp.Direction;
import com.crosspoint.media.sdp.Negotiation;
import com.crosspoint.media.sdp.SdpNegotiator;
import com.crosspoint.media.sdp.SdpParseException;
import com.crosspoint.media.sdp.SessionDescription;
import com.crosspoint.media.wav.WavAudio;
import com.crosspoint.media.wav.WavReader;
import com.crosspoint.model.CallQualitySummary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import javax.sip.ServerTransaction;
import javax.sip.header.ContentTypeHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The appliance itself as the other party of a call: answers the caller's offer with a {@link MediaSession} of
 * its own and lets a {@link CallApplication} (voicemail, a conference, a menu) drive it through {@link CallChannel}. Digits come from
 * RFC 4733 events or, as a fallback, SIP INFO; a re-INVITE (hold, resume, new address) is answered here
 * (RFC 3264) and applied to the session. Touched only on the call's lane; media callbacks hop onto it.
 */
final class MediaLeg extends Leg implements CallChannel {
    private static final Logger LOG = LoggerFactory.getLogger(MediaLeg.class);
    /** How long the caller may take to ACK our offer: RFC 3261 Timer H, 64 x T1. */
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(32);

    private final MediaServices media;
    private final InboundLeg caller;
    private CallApplication app;
    /** The application handed the caller to a person ({@link #transferTo}): it hears no keys any more. */
    private boolean handedOff;
    private MediaSession session;
    private SdpNegotiator negotiator;
    private String codec;
    private PlaylistPlayer player;
    private boolean playerBargeIn;
    private Recorder recorder;
    private ScheduledFuture<?> timer;
    /** Late offer: our 2xx carried the offer and the caller's ACK has not yet brought the answer. */
    private boolean awaitingAnswer;
    private ScheduledFuture<?> answerTimer;

    MediaLeg(MediaServices media, B2buaCall call, InboundLeg caller, CallApplication app) {
        super(caller.messages, call, app.label(), caller.transport);
        this.media = media;
        this.caller = caller;
        this.app = app;
    }

    /** What answering the caller's offer came to. */
    record Answer(int status, String reason, byte[] sdp) {
        boolean ok() {
            return status == Response.OK;
        }
    }

    /**
     * Opens the session and answers the caller's offer: 200 with our SDP, 488 when no codec fits or there is no
     * offer, 503 when no RTP ports are free. Sends nothing; the call sends the response.
     */
    Answer negotiate() {
        byte[] offerBytes = caller.remoteSdp;
        SessionDescription offer = null;
        if (offerBytes != null && offerBytes.length > 0) {
            try {
                offer = SessionDescription.parse(offerBytes);
            } catch (SdpParseException e) {
                return new Answer(Response.NOT_ACCEPTABLE_HERE, "Malformed SDP", null);
            }
        }
        try {
            session = media.engine().open(new SessionRequest(call.id() + "/" + extension, null, new Listener()));
        } catch (MediaUnavailableException e) {
            LOG.warn("call {}: no media session: {}", call.id(), e.getMessage());
            return new Answer(Response.SERVICE_UNAVAILABLE, "No media resources", null);
        }
        negotiator = new SdpNegotiator(media.advertised(), session.localPort(),
                ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        if (offer == null) {
            // Late offer: our 2xx offers, the caller's ACK answers; the application starts once it has.
            awaitingAnswer = true;
            return new Answer(Response.OK, null,
                    negotiator.offer(Direction.SENDRECV).format().getBytes(StandardCharsets.US_ASCII));
        }
        Negotiation n = negotiator.answer(offer, Direction.SENDRECV);
        if (n instanceof Negotiation.NotAcceptable na) {
            LOG.info("call {}: offer not acceptable: {}", call.id(), na.reason());
            session.close();
            session = null;
            return new Answer(Response.NOT_ACCEPTABLE_HERE, "No acceptable codec", null);
        }
        Negotiation.Agreed agreed = (Negotiation.Agreed) n;
        session.update(agreed.media());
        codec = agreed.media().codec().name();
        return new Answer(Response.OK, null, agreed.description().format().getBytes(StandardCharsets.US_ASCII));
    }

    String codec() {
        return codec;
    }

    /**
     * How the caller's audio arrives: the running figures while the session is open, the final ones once it
     * closed (close() completes {@code closed()} before it returns); null without a session or any packet.
     */
    CallQualitySummary quality() {
        MediaSession s = session;
        if (s == null) {
            return null;
        }
        CompletableFuture<CallQuality> closed = s.closed();
        return QualitySummaries.of(closed.isDone() ? closed.getNow(null) : s.quality());
    }

    /** The caller has our 200: the application starts (after a late offer, once the ACK brought the answer). */
    void start() {
        if (awaitingAnswer) {
            answerTimer = call.schedule(() -> {
                if (awaitingAnswer && !ended) {
                    LOG.info("call {}: no ACK with an answer to our offer", call.id());
                    hangUp();
                }
            }, ANSWER_TIMEOUT);
            return;
        }
        app.start(this);
    }

    boolean awaitsAnswer() {
        return awaitingAnswer;
    }

    /**
     * The caller's ACK after our offer: its SDP answers it (RFC 3264 §4). No answer, or none we can use, ends
     * the call (RFC 3261 §13.3.1.4: the dialog is established, so with a BYE).
     */
    void onAnswer(byte[] sdp) {
        awaitingAnswer = false;
        if (answerTimer != null) {
            answerTimer.cancel(false);
            answerTimer = null;
        }
        if (ended) {
            return;
        }
        Negotiation n;
        try {
            n = sdp == null || sdp.length == 0 ? new Negotiation.NotAcceptable("no answer in the ACK")
                    : negotiator.acceptAnswer(SessionDescription.parse(sdp));
        } catch (SdpParseException e) {
            n = new Negotiation.NotAcceptable("malformed SDP in the ACK");
        }
        if (n instanceof Negotiation.NotAcceptable na) {
            LOG.info("call {}: late offer not answered: {}", call.id(), na.reason());
            hangUp();
            return;
        }
        Negotiation.Agreed agreed = (Negotiation.Agreed) n;
        session.update(agreed.media());
        codec = agreed.media().codec().name();
        app.start(this);
    }

    // ---- from the call: the caller's side --------------------------------------------------------------------

    /** The caller hung up or the call was ended from outside: tell the application, release the media. */
    @Override
    void bye() {
        if (ended) {
            return;
        }
        ended = true;
        try {
            app.onHangup();
        } finally {
            closeMedia();
        }
    }

    /**
     * A re-INVITE from the caller: answered with the direction RFC 3264 §6.1 gives (their sendonly → our
     * recvonly, inactive → inactive), applied to the session. Returns whether the caller now holds the call, or
     * empty when it was refused.
     */
    Optional<Boolean> onReinvite(ServerTransaction st) {
        Request rq = st.getRequest();
        byte[] body = rq.getRawContent();
        if (ended || session == null) {
            messages.send(st, messages.response(rq, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST));
            return Optional.empty();
        }
        Negotiation n;
        try {
            n = body == null || body.length == 0 ? new Negotiation.NotAcceptable("no offer")
                    : negotiator.answer(SessionDescription.parse(body), Direction.SENDRECV);
        } catch (SdpParseException e) {
            n = new Negotiation.NotAcceptable("malformed SDP");
        }
        if (n instanceof Negotiation.NotAcceptable na) {
            LOG.info("call {}: re-INVITE refused: {}", call.id(), na.reason());
            messages.send(st, messages.response(rq, Response.NOT_ACCEPTABLE_HERE));
            return Optional.empty();
        }
        Negotiation.Agreed agreed = (Negotiation.Agreed) n;
        session.update(agreed.media());
        codec = agreed.media().codec().name();
        caller.remoteSdp = body;
        Response ok = messages.response(rq, Response.OK);
        try {
            ok.setHeader(messages.contact(transport));
            ok.setContent(caller.origin.apply(agreed.description().format().getBytes(StandardCharsets.US_ASCII)),
                    InboundLeg.sdpType(messages));
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
        messages.send(st, ok);
        return Optional.of(!agreed.media().direction().sends());
    }

    /** INFO from the caller: a DTMF body is a key press (the fallback when telephone-event is not used). */
    void onInfo(ServerTransaction st) {
        Request rq = st.getRequest();
        ContentTypeHeader type = (ContentTypeHeader) rq.getHeader(ContentTypeHeader.NAME);
        String contentType = type == null ? "" : type.getContentType() + "/" + type.getContentSubType();
        if (!SipInfoDtmf.supports(contentType)) {
            messages.send(st, messages.response(rq, Response.UNSUPPORTED_MEDIA_TYPE));
            return;
        }
        byte[] raw = rq.getRawContent();
        Optional<InfoDigit> digit;
        try {
            digit = SipInfoDtmf.parse(contentType, raw == null ? "" : new String(raw, StandardCharsets.UTF_8));
        } catch (MalformedDtmfException e) {
            messages.send(st, messages.response(rq, Response.BAD_REQUEST, "Malformed DTMF body"));
            return;
        }
        messages.send(st, messages.response(rq, Response.OK));
        digit.ifPresent(d -> digit(d.digit()));
    }

    // ---- CallChannel (the application's side) ---------------------------------------------------------------

    @Override
    public void play(List<Audio> items, boolean bargeIn) {
        if (ended || session == null) {
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
        if (p != player || ended || outcome.interrupted()) {
            return;
        }
        player = null;
        app.onPlayed();
    }

    @Override
    public void record(Path target, boolean stopOnSilence) {
        if (ended || session == null) {
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
        if (ended) {
            return;
        }
        ScheduledFuture<?>[] self = new ScheduledFuture<?>[1];
        self[0] = call.schedule(() -> {
            if (timer == self[0] && !ended) {
                timer = null;
                app.onTimer();
            }
        }, after);
        timer = self[0];
    }

    @Override
    public void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    @Override
    public void connectAudio(AudioSource out, AudioSink in) {
        if (ended || session == null) {
            return;
        }
        player = null;
        recorder = null;
        session.play(out);
        session.sink(in);
    }

    @Override
    public void transferTo(String extension) {
        if (ended) {
            return;
        }
        cancelTimer();
        handedOff = true;
        call.transferFromApplication(this, extension);
    }

    @Override
    public void switchTo(CallApplication next) {
        if (ended) {
            return;
        }
        cancelTimer();
        stopRecording();
        player = null;
        recorder = null;
        handedOff = false;
        app = next;
        extension = next.label();
        call.applicationSwitched(next);
        next.start(this);
    }

    /** What the caller hears while the person an application transferred them to is rung. */
    void ringback() {
        if (!ended && session != null) {
            player = null;
            session.play(new LoopPlayer(Ringback.SAMPLES));
        }
    }

    /**
     * The caller now talks to someone else (the call re-INVITEd them away from our session): release the media
     * without telling the application anything.
     */
    void release() {
        if (ended) {
            return;
        }
        ended = true;
        closeMedia();
    }

    @Override
    public void hangUp() {
        if (ended) {
            return;
        }
        ended = true;
        closeMedia();
        call.applicationHungUp();
    }

    // ---- media ---------------------------------------------------------------------------------------------------

    private void digit(char key) {
        if (ended || handedOff) {
            return;
        }
        if (player != null && playerBargeIn) {
            player.interrupt(key);
            player = null;
        }
        app.onDigit(key);
    }

    private void closeMedia() {
        cancelTimer();
        player = null;
        if (session != null) {
            session.close(); // detaches a running recorder, which commits what it has and reports it
        }
    }

    /** Media threads: hop onto the call's lane. */
    private final class Listener implements SessionListener {
        @Override
        public void onDigit(DigitEvent digit) {
            call.onLane(() -> digit(digit.digit()));
        }
    }
}
