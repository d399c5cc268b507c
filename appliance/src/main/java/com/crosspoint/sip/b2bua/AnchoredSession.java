package com.crosspoint.sip.b2bua;

import com.crosspoint.media.engine.MediaSession;
import com.crosspoint.media.sdp.Direction;
import com.crosspoint.media.sdp.Negotiation;
import com.crosspoint.media.sdp.SdpNegotiator;
import com.crosspoint.media.sdp.SdpParseException;
import com.crosspoint.media.sdp.SessionDescription;
import java.nio.charset.StandardCharsets;

/**
 * One media session of the appliance's with the negotiator that speaks for it (RFC 3264): the appliance's end of
 * a party's media, for a voice application or music on hold. Offers and answers come and go as bytes; whatever a
 * phone sent that cannot be parsed or used is {@link Negotiation.NotAcceptable}. Each agreed stream goes to the
 * session with what the phone's signalling says about where its RTP comes from ({@link Leg#mediaPeer}), so only
 * the phone, not whoever sprays our port, is latched. Used on one call's lane.
 */
final class AnchoredSession {
    private final MediaSession session;
    private final SdpNegotiator negotiator;
    private final Leg phone;

    AnchoredSession(MediaSession session, SdpNegotiator negotiator, Leg phone) {
        this.session = session;
        this.negotiator = negotiator;
        this.phone = phone;
    }

    MediaSession media() {
        return session;
    }

    /** Our answer to {@code offer} with {@code wish} as our direction; applied to the session when agreed. */
    Negotiation answer(byte[] offer, Direction wish) {
        if (offer == null || offer.length == 0) {
            return new Negotiation.NotAcceptable("no offer");
        }
        try {
            return applied(negotiator.answer(SessionDescription.parse(offer), wish));
        } catch (SdpParseException e) {
            return new Negotiation.NotAcceptable("malformed SDP: " + e.getMessage());
        }
    }

    /** Our offer, {@code direction} as our wish. */
    byte[] offer(Direction direction) {
        return bytes(negotiator.offer(direction));
    }

    /** The phone's answer to our last offer; applied to the session when usable. */
    Negotiation acceptAnswer(byte[] answer) {
        if (answer == null || answer.length == 0) {
            return new Negotiation.NotAcceptable("no SDP in the answer");
        }
        try {
            return applied(negotiator.acceptAnswer(SessionDescription.parse(answer)));
        } catch (SdpParseException e) {
            return new Negotiation.NotAcceptable("malformed SDP: " + e.getMessage());
        }
    }

    private Negotiation applied(Negotiation n) {
        if (n instanceof Negotiation.Agreed agreed) {
            session.update(agreed.media(), phone.mediaPeer(agreed.media().remoteRtp()));
        }
        return n;
    }

    /** Releases the session's ports; idempotent. */
    void close() {
        session.close();
    }

    static byte[] bytes(SessionDescription sdp) {
        return sdp.format().getBytes(StandardCharsets.US_ASCII);
    }
}
