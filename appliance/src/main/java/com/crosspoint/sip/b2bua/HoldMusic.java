package com.crosspoint.sip.b2bua;

import com.crosspoint.call.SdpSummary;
import com.crosspoint.media.engine.MediaSession;
import com.crosspoint.media.engine.MediaUnavailableException;
import com.crosspoint.media.engine.SessionListener;
import com.crosspoint.media.engine.SessionRequest;
import com.crosspoint.media.sdp.Direction;
import com.crosspoint.media.sdp.Negotiation;
import com.crosspoint.media.sdp.SdpNegotiator;
import com.crosspoint.media.sdp.SdpParseException;
import com.crosspoint.media.sdp.SessionDescription;
import com.crosspoint.sip.SipMessages;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import javax.sip.InvalidArgumentException;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.header.CSeqHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Music on hold between two phones. While a party holds, both phones' media points at the appliance instead of
 * at each other: the held party gets a session of ours that loops the music (we re-INVITE it with our own offer),
 * the holder gets a session of ours that answers its hold offer ({@code recvonly} or {@code inactive}, RFC 3264
 * §6.1) and ignores what it sends. Two sessions, not one, so that the holder's RTP can never re-latch the music
 * stream towards itself.
 *
 * <p>The held party is offered {@code sendrecv}, not {@code sendonly}: what it sends is ignored, but it keeps
 * sending, so a phone behind NAT is latched (symmetric RTP) and phones that rebuild their receive path when a
 * stream stops being sendrecv (baresip 1.0 drops its decode filters, its recorder among them) keep working.
 *
 * <p>Re-INVITEs from either party go through here while it lasts: another hold answers from the party's own
 * session (when both hold, nobody hears music; when the first holder resumes while the other still holds, the
 * music goes to the one who resumed). When nobody holds any more, the resuming party's offer is relayed to the
 * other as before, the answer relayed back, and the sessions are closed: the phones talk directly again.
 * Touched only on the call's lane.
 */
final class HoldMusic {
    private static final Logger LOG = LoggerFactory.getLogger(HoldMusic.class);

    /** What changed, for the call to show. */
    enum Phase {
        /** The hold is established (music playing or both holding): the call is HELD. */
        HELD,
        /** Nobody holds any more and the phones talk directly again: the call is ANSWERED; this is closed. */
        RESUMED,
        /** Starting the music failed (the held phone refused); the hold was refused too; this is closed. */
        FAILED
    }

    /** How the music is offered to a held party (see the class comment for why not sendonly). */
    static final Direction TO_THE_HELD = Direction.SENDRECV;

    private final B2buaCall call;
    private final MediaServices media;
    private final SipMessages messages;
    private final Consumer<Phase> report;
    private End holder;
    private End held;
    private boolean pending;
    private boolean closed;

    /** The appliance's side towards one phone. */
    private static final class End {
        final Leg leg;
        final MediaSession session;
        final SdpNegotiator negotiator;
        boolean holds;
        End other;

        End(Leg leg, MediaSession session, SdpNegotiator negotiator) {
            this.leg = leg;
            this.session = session;
            this.negotiator = negotiator;
        }
    }

    private HoldMusic(B2buaCall call, MediaServices media, SipMessages messages, Consumer<Phase> report) {
        this.call = call;
        this.media = media;
        this.messages = messages;
        this.report = report;
    }

    /**
     * {@code from} sent the hold re-INVITE {@code st}: plays music to {@code to}. Empty when the appliance cannot
     * take the media (no free ports, an offer it cannot answer): the call relays the re-INVITE as without media.
     * Otherwise {@code st} is answered once {@code to} has answered our offer; {@code report} hears the outcome.
     */
    static Optional<HoldMusic> start(B2buaCall call, MediaServices media, SipMessages messages, Leg from, Leg to,
                                     ServerTransaction st, Consumer<Phase> report) {
        byte[] body = st.getRequest().getRawContent();
        SessionDescription offer;
        try {
            offer = SessionDescription.parse(body);
        } catch (SdpParseException e) {
            return Optional.empty();
        }
        HoldMusic music = new HoldMusic(call, media, messages, report);
        try {
            music.holder = music.open(from);
            music.held = music.open(to);
        } catch (MediaUnavailableException e) {
            LOG.warn("call {}: no media for music on hold, relaying the hold: {}", call.id(), e.getMessage());
            music.closeSessions();
            return Optional.empty();
        }
        music.holder.other = music.held;
        music.held.other = music.holder;
        Negotiation n = music.holder.negotiator.answer(offer, Direction.RECVONLY);
        if (!(n instanceof Negotiation.Agreed agreed)) {
            LOG.info("call {}: hold offer not for us ({}), relaying it", call.id(),
                    ((Negotiation.NotAcceptable) n).reason());
            music.closeSessions();
            return Optional.empty();
        }
        if (!music.offerMusic(st, body, agreed)) {
            music.closeSessions();
            return Optional.empty();
        }
        return Optional.of(music);
    }

    private End open(Leg leg) throws MediaUnavailableException {
        MediaSession session = media.engine().open(new SessionRequest(call.id() + "/moh-" + leg.extension, null,
                SessionListener.NONE));
        // our music goes wherever the negotiated direction allows: to the held party, never to a holder
        session.play(media.music().player());
        return new End(leg, session, new SdpNegotiator(media.advertised(), session.localPort(),
                ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE));
    }

    /** Re-INVITEs the held party with our music offer; answers the holder when it has answered. */
    private boolean offerMusic(ServerTransaction st, byte[] holdOffer, Negotiation.Agreed holderAnswer) {
        End x = holder;
        End y = held;
        byte[] ours = bytes(y.negotiator.offer(TO_THE_HELD));
        return reInvite(y, ours, st, r -> {
            if (r.getStatusCode() >= 300) {
                LOG.info("call {}: {} refused music on hold: {}", call.id(), y.leg.extension, r.getStatusCode());
                fail(st, r.getStatusCode());
                return;
            }
            Negotiation n = acceptAnswer(y, r.getRawContent());
            if (!(n instanceof Negotiation.Agreed agreed)) {
                LOG.info("call {}: {} answered music on hold unusably: {}", call.id(), y.leg.extension,
                        ((Negotiation.NotAcceptable) n).reason());
                fail(st, Response.NOT_ACCEPTABLE_HERE);
                return;
            }
            y.session.update(agreed.media());
            y.leg.remoteSdp = r.getRawContent();
            x.session.update(holderAnswer.media());
            x.leg.remoteSdp = holdOffer;
            x.holds = true;
            answer(st, x.leg, bytes(holderAnswer.description()));
            LOG.debug("call {}: {} holds, music to {}", call.id(), x.leg.extension, y.leg.extension);
            report.accept(Phase.HELD);
        }, () -> {
            if (closed) {
                reply(st, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
                return;
            }
            LOG.info("call {}: {} did not answer the music-on-hold re-INVITE", call.id(), y.leg.extension);
            fail(st, Response.REQUEST_TIMEOUT);
        });
    }

    /**
     * Sends a re-INVITE of ours to {@code to}'s phone (the only one outstanding: {@link #pending}) and ACKs a 2xx.
     * If the call ended meanwhile the request {@code st} that caused it gets a 481; else {@code onFinal} takes the
     * final response. False if it could not be sent.
     */
    private boolean reInvite(End to, byte[] sdp, ServerTransaction st, Consumer<Response> onFinal, Runnable onTimeout) {
        pending = true;
        boolean sent = to.leg.sendInDialog(Request.INVITE, List.of(), sdp, sdpType(), new Leg.LaneResponseListener() {
            @Override
            public void onResponse(Response r) {
                if (r.getStatusCode() < 200) {
                    return;
                }
                pending = false;
                if (r.getStatusCode() < 300) {
                    ack(to.leg, r);
                }
                if (closed) {
                    reply(st, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
                    return;
                }
                onFinal.accept(r);
            }

            @Override
            public void onTimeout() {
                pending = false;
                onTimeout.run();
            }
        });
        if (!sent) {
            pending = false;
        }
        return sent;
    }

    private void fail(ServerTransaction st, int status) {
        reply(st, status);
        close();
        report.accept(Phase.FAILED);
    }

    /** A re-INVITE from either party while the music lasts. */
    void onReinvite(Leg from, ServerTransaction st) {
        if (pending) {
            reply(st, Response.REQUEST_PENDING); // glare, as for relayed re-INVITEs (RFC 3261 §14.2)
            return;
        }
        End p = from == holder.leg ? holder : held;
        End q = p.other;
        byte[] body = st.getRequest().getRawContent();
        SessionDescription offer;
        try {
            offer = SessionDescription.parse(body);
        } catch (SdpParseException e) {
            reply(st, Response.NOT_ACCEPTABLE_HERE);
            return;
        }
        boolean holds = SdpSummary.of(body).hold();
        Optional<Direction> wish = answering(holds, q.holds);
        if (wish.isEmpty()) {
            resume(p, q, st, body);
            return;
        }
        Negotiation n = p.negotiator.answer(offer, wish.get());
        if (!(n instanceof Negotiation.Agreed agreed)) {
            LOG.info("call {}: re-INVITE during hold refused: {}", call.id(), ((Negotiation.NotAcceptable) n).reason());
            reply(st, Response.NOT_ACCEPTABLE_HERE);
            return;
        }
        p.session.update(agreed.media());
        p.holds = holds;
        p.leg.remoteSdp = body;
        answer(st, p.leg, bytes(agreed.description()));
        report.accept(Phase.HELD);
    }

    /**
     * How the appliance answers a re-INVITE while the music lasts: as what it wishes to do towards the phone that
     * sent it, or empty when nobody holds any more and the offer goes to the other phone instead. A phone that
     * holds (too) hears nothing; one that listens while the other holds hears the music.
     *
     * @param holds      the re-INVITE's offer holds
     * @param otherHolds the other phone holds
     */
    static Optional<Direction> answering(boolean holds, boolean otherHolds) {
        if (holds) {
            return Optional.of(Direction.RECVONLY);
        }
        return otherHolds ? Optional.of(TO_THE_HELD) : Optional.empty();
    }

    /** Nobody holds any more: relay p's offer to q, q's answer back, and leave the media to the phones again. */
    private void resume(End p, End q, ServerTransaction st, byte[] offer) {
        boolean sent = reInvite(q, offer, st, r -> {
            if (r.getStatusCode() >= 300) {
                // the held party stays on music; the resuming phone may try again
                reply(st, r.getStatusCode());
                return;
            }
            p.leg.remoteSdp = offer;
            q.leg.remoteSdp = r.getRawContent();
            answer(st, p.leg, r.getRawContent());
            close();
            LOG.debug("call {}: {} resumed, music stopped", call.id(), p.leg.extension);
            report.accept(Phase.RESUMED);
        }, () -> reply(st, Response.REQUEST_TIMEOUT));
        if (!sent) {
            reply(st, Response.SERVER_INTERNAL_ERROR);
        }
    }

    /** Whether a re-INVITE of ours is outstanding (another one would cross it). */
    boolean pending() {
        return pending;
    }

    /** Stops the music and releases both sessions' ports; idempotent (call end, transfer, resume). */
    void close() {
        closed = true;
        closeSessions();
    }

    private void closeSessions() {
        for (End e : new End[] {holder, held}) {
            if (e != null) {
                e.session.close();
            }
        }
    }

    // ---- SIP and SDP plumbing --------------------------------------------------------------------------------

    private static Negotiation acceptAnswer(End end, byte[] body) {
        if (body == null || body.length == 0) {
            return new Negotiation.NotAcceptable("no SDP in the answer");
        }
        try {
            return end.negotiator.acceptAnswer(SessionDescription.parse(body));
        } catch (SdpParseException e) {
            return new Negotiation.NotAcceptable("malformed SDP: " + e.getMessage());
        }
    }

    private void answer(ServerTransaction st, Leg to, byte[] sdp) {
        Response ok = messages.response(st.getRequest(), Response.OK);
        try {
            ok.setHeader(messages.contact(to.transport));
            if (sdp != null && sdp.length > 0) {
                ok.setContent(to.origin.apply(sdp), sdpType());
            }
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
        messages.send(st, ok);
    }

    private void reply(ServerTransaction st, int status) {
        try {
            messages.send(st, messages.response(st.getRequest(), status));
        } catch (RuntimeException e) {
            LOG.debug("call {}: could not answer a re-INVITE: {}", call.id(), e.getMessage());
        }
    }

    private void ack(Leg leg, Response ok) {
        try {
            long cseq = ((CSeqHeader) ok.getHeader(CSeqHeader.NAME)).getSeqNumber();
            leg.dialog.sendAck(leg.dialog.createAck(cseq));
        } catch (SipException | InvalidArgumentException e) {
            LOG.debug("call {}: could not ACK re-INVITE: {}", call.id(), e.getMessage());
        }
    }

    private javax.sip.header.ContentTypeHeader sdpType() {
        try {
            return InboundLeg.sdpType(messages);
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(SessionDescription sdp) {
        return sdp.format().getBytes(StandardCharsets.US_ASCII);
    }
}
