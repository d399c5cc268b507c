package com.crosspoint.sip.b2bua;

import com.crosspoint.call.ForwardingPolicy.Reason;
import com.crosspoint.call.voice.CallApplication;
import com.crosspoint.media.dtmf.DigitEvent;
import com.crosspoint.media.dtmf.InfoDigit;
import com.crosspoint.media.dtmf.MalformedDtmfException;
import com.crosspoint.media.dtmf.SipInfoDtmf;
import com.crosspoint.media.engine.MediaUnavailableException;
import com.crosspoint.media.engine.SessionListener;
import com.crosspoint.media.quality.CallQuality;
import com.crosspoint.media.sdp.Direction;
import com.crosspoint.media.sdp.Negotiation;
import com.crosspoint.model.CallQualitySummary;
import com.crosspoint.model.Disposition;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The appliance itself as the other party of a call: answers the caller's offer with a media session of its own
 * ({@link AnchoredSession}) and lets a {@link CallApplication} (voicemail, a conference, a menu) drive it through
 * its {@link VoiceChannel}. Digits come from RFC 4733 events or, as a fallback, SIP INFO; a re-INVITE (hold,
 * resume, new address) is answered here (RFC 3264) and applied to the session. Touched only on the call's lane;
 * media callbacks hop onto it.
 */
final class MediaLeg implements ApplicationLeg {
    private static final Logger LOG = LoggerFactory.getLogger(MediaLeg.class);
    /** How long the caller may take to ACK our offer: RFC 3261 Timer H, 64 x T1. */
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(32);

    private final MediaServices media;
    private final B2buaCall call;
    /** The phone this leg talks to: the caller, or a transferee. */
    private final Leg phone;
    private final VoiceChannel channel;
    private AnchoredSession session;
    private byte[] ourSdp;
    private String codec;
    /** Late offer: our 2xx carried the offer and the caller's ACK has not yet brought the answer. */
    private boolean awaitingAnswer;
    private CallTimer answerTimer = CallTimer.NONE;
    private boolean ended;

    MediaLeg(MediaServices media, B2buaCall call, Leg phone, CallApplication app) {
        this.media = media;
        this.call = call;
        this.phone = phone;
        this.channel = new VoiceChannel(media, call, this, app);
    }

    @Override
    public Answer negotiate() {
        byte[] offer = phone.lastSdp();
        if (!open()) {
            return new Answer(Response.SERVICE_UNAVAILABLE, "No media resources", null);
        }
        if (offer == null) {
            // Late offer: our 2xx offers, the caller's ACK answers; the application starts once it has.
            awaitingAnswer = true;
            ourSdp = session.offer(Direction.SENDRECV);
            return new Answer(Response.OK, null, ourSdp);
        }
        Negotiation n = session.answer(offer, Direction.SENDRECV);
        if (n instanceof Negotiation.NotAcceptable na) {
            LOG.info("call {}: offer not acceptable: {}", call.id(), na.reason());
            closeMedia();
            session = null;
            return new Answer(Response.NOT_ACCEPTABLE_HERE, na.reason().startsWith("malformed") ? "Malformed SDP"
                    : "No acceptable codec", null);
        }
        agreed((Negotiation.Agreed) n);
        return new Answer(Response.OK, null, ourSdp);
    }

    private boolean open() {
        try {
            session = media.open(call.id() + "/" + label(), new Listener(), phone);
        } catch (MediaUnavailableException e) {
            LOG.warn("call {}: no media session: {}", call.id(), e.getMessage());
            return false;
        }
        channel.attach(session.media());
        return true;
    }

    @Override
    public void join(OfferListener joined) {
        if (!open()) {
            joined.answered(Response.SERVICE_UNAVAILABLE, null);
            return;
        }
        ourSdp = session.offer(Direction.SENDRECV);
        phone.offer(ourSdp, (status, sdp) -> {
            if (!OfferListener.accepted(status)) {
                closeMedia();
                joined.answered(status, null);
                return;
            }
            Negotiation n = session.acceptAnswer(sdp);
            if (n instanceof Negotiation.NotAcceptable na) {
                LOG.info("call {}: {} answered our media unusably: {}", call.id(), phone.label(), na.reason());
                closeMedia();
                joined.answered(Response.NOT_ACCEPTABLE_HERE, null);
                return;
            }
            codec = ((Negotiation.Agreed) n).media().codec().name();
            joined.answered(status, null);
        });
    }

    private void agreed(Negotiation.Agreed agreed) {
        codec = agreed.media().codec().name();
        ourSdp = AnchoredSession.bytes(agreed.description());
    }

    @Override
    public void start() {
        if (awaitingAnswer) {
            answerTimer = call.schedule(ANSWER_TIMEOUT, () -> {
                if (awaitingAnswer && !ended) {
                    LOG.info("call {}: no ACK with an answer to our offer", call.id());
                    channel.hangUp();
                }
            });
            return;
        }
        channel.begin();
    }

    @Override
    public boolean awaitsAnswer() {
        return awaitingAnswer;
    }

    /**
     * The caller's ACK after our offer: its SDP answers it (RFC 3264 §4). No answer, or none we can use, ends
     * the call (RFC 3261 §13.3.1.4: the dialog is established, so with a BYE).
     */
    @Override
    public void acceptAnswer(byte[] sdp) {
        awaitingAnswer = false;
        answerTimer.cancel();
        if (ended) {
            return;
        }
        Negotiation n = session.acceptAnswer(sdp);
        if (n instanceof Negotiation.NotAcceptable na) {
            LOG.info("call {}: late offer not answered: {}", call.id(), na.reason());
            channel.hangUp();
            return;
        }
        codec = ((Negotiation.Agreed) n).media().codec().name();
        channel.begin();
    }

    // ---- what the caller does ----------------------------------------------------------------------------------

    /**
     * A re-INVITE from the caller: answered with the direction RFC 3264 §6.1 gives (their sendonly → our
     * recvonly, inactive → inactive) and applied to the session.
     */
    @Override
    public void offer(byte[] sdp, OfferListener answered) {
        if (ended || session == null) {
            answered.answered(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, null);
            return;
        }
        Negotiation n = session.answer(sdp, Direction.SENDRECV);
        if (n instanceof Negotiation.NotAcceptable na) {
            LOG.info("call {}: re-INVITE refused: {}", call.id(), na.reason());
            answered.answered(Response.NOT_ACCEPTABLE_HERE, null);
            return;
        }
        agreed((Negotiation.Agreed) n);
        answered.answered(Response.OK, ourSdp);
    }

    /** INFO from the caller: a DTMF body is a key press (the fallback when telephone-event is not used). */
    @Override
    public int relay(InDialogRequest request) {
        if (!Request.INFO.equals(request.method())) {
            return Response.NOT_IMPLEMENTED;
        }
        String type = request.contentType() == null ? "" : request.contentType();
        if (!SipInfoDtmf.supports(type)) {
            return Response.UNSUPPORTED_MEDIA_TYPE;
        }
        byte[] raw = request.body();
        Optional<InfoDigit> digit;
        try {
            digit = SipInfoDtmf.parse(type, raw == null ? "" : new String(raw, StandardCharsets.UTF_8));
        } catch (MalformedDtmfException e) {
            return Response.BAD_REQUEST;
        }
        digit.ifPresent(d -> channel.digit(d.digit()));
        return Response.OK;
    }

    /** The caller hung up or the call was ended from outside: tell the application, release the media. */
    @Override
    public void bye() {
        if (ended) {
            return;
        }
        ended = true;
        try {
            channel.callerLeft();
        } finally {
            closeMedia();
        }
    }

    @Override
    public void transferProgress(String statusLine, boolean last) {
        // the appliance never asks for a transfer with REFER
    }

    // ---- what the call does for the application --------------------------------------------------------------

    @Override
    public void ringback() {
        channel.ringback();
    }

    @Override
    public void release() {
        if (ended) {
            return;
        }
        ended = true;
        closeMedia();
    }

    @Override
    public void transferFailed(String extension, Reason reason, CallApplication instead) {
        if (!ended) {
            channel.transferFailed(extension, reason, instead);
        }
    }

    @Override
    public void offerAnswered(String extension) {
        if (!ended) {
            channel.offerAnswered(extension);
        }
    }

    @Override
    public void offerFailed(Map<String, Reason> agents) {
        if (!ended) {
            channel.offerFailed(agents);
        }
    }

    /** The application hung up on the caller: the media goes, the call hangs up the caller. */
    void applicationHungUp() {
        if (ended) {
            return;
        }
        ended = true;
        closeMedia();
        call.applicationHungUp();
    }

    private void closeMedia() {
        channel.detach();
        if (session != null) {
            session.close(); // detaches a running recorder, which commits what it has and reports it
        }
    }

    // ---- what the call shows --------------------------------------------------------------------------------

    @Override
    public String label() {
        return channel.application().label();
    }

    @Override
    public Disposition disposition() {
        return channel.application().disposition();
    }

    @Override
    public byte[] lastSdp() {
        return ourSdp;
    }

    @Override
    public String codec() {
        return codec;
    }

    /**
     * How the caller's audio arrives: the running figures while the session is open, the final ones once it
     * closed (close() completes {@code closed()} before it returns); null without a session or any packet.
     */
    @Override
    public CallQualitySummary quality() {
        AnchoredSession s = session;
        if (s == null) {
            return null;
        }
        CompletableFuture<CallQuality> closed = s.media().closed();
        return QualitySummaries.of(closed.isDone() ? closed.getNow(null) : s.media().quality());
    }

    @Override
    public boolean movable() {
        return false;
    }

    @Override
    public boolean ended() {
        return ended;
    }

    /** Media threads: hop onto the call's lane. */
    private final class Listener implements SessionListener {
        @Override
        public void onDigit(DigitEvent digit) {
            call.onLane(() -> channel.digit(digit.digit()));
        }
    }
}
