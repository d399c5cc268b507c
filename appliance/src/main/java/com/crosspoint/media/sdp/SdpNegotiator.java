package com.crosspoint.media.sdp;

import com.crosspoint.media.codec.AudioCodec;
import com.crosspoint.media.codec.Codecs;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * RFC 3264 offer/answer for one leg the appliance terminates, holding our side's origin: answers the peer's
 * offers, writes our own offers (re-INVITE hold/unhold) and accepts the answers to them. The {@code o=} version
 * goes up by one whenever the description we send changes (§8), and stays when we re-send the same one.
 * Not thread-safe: one call's signalling owns it.
 */
public final class SdpNegotiator {
    /** RFC 4733 events we understand: DTMF 0-9, *, #, A-D. */
    public static final String TELEPHONE_EVENT_FMTP = "0-15";
    public static final int TELEPHONE_EVENT_DEFAULT_PT = 101;
    private static final int PTIME = 20;

    private final InetAddress localAddress;
    private final int localPort;
    private final String sessionId;
    private long version;
    private String lastBody;
    private SessionDescription lastOffer;

    /**
     * @param localAddress our media address as advertised in c= and o=
     * @param localPort    our RTP port (RTCP is the next one)
     * @param sessionId    o= session id, e.g. from a random or the clock
     */
    public SdpNegotiator(InetAddress localAddress, int localPort, long sessionId) {
        this.localAddress = Objects.requireNonNull(localAddress, "localAddress");
        if (localPort <= 0 || localPort > 65535) {
            throw new IllegalArgumentException("port must be 1..65535: " + localPort);
        }
        this.localPort = localPort;
        this.sessionId = Long.toUnsignedString(sessionId);
        this.version = sessionId & 0x7FFF_FFFFL; // RFC 4566 suggests an NTP time; any start is fine
    }

    /** The {@code o=} version of the last description we wrote. */
    public long version() {
        return version;
    }

    /**
     * Answers a peer's offer. The first supported codec in the offer's order wins; telephone-event is taken at the
     * offer's payload type when it is offered at the codec's clock rate.
     *
     * @param wish what we want to do (SENDRECV normally; SENDONLY when we hold the peer)
     */
    public Negotiation answer(SessionDescription offer, Direction wish) {
        Objects.requireNonNull(offer, "offer");
        Objects.requireNonNull(wish, "wish");
        List<MediaDescription> answers = new ArrayList<>();
        MediaParameters chosen = null;
        String reason = "no audio stream";
        for (MediaDescription m : offer.media()) {
            if (chosen != null || m.isRejected() || !m.isRtpAudio()) {
                if (m.media().equals("audio") && !m.isRtpAudio() && chosen == null) {
                    reason = "unsupported audio profile " + m.protocol();
                }
                answers.add(m.rejected());
                continue;
            }
            Connection c = offer.connectionOf(m);
            if (c == null) {
                reason = "audio stream without a c= line";
                answers.add(m.rejected());
                continue;
            }
            Optional<Pick> pick = pick(m, m.payloadTypes());
            if (pick.isEmpty()) {
                reason = "none of the offered codecs " + m.formats() + " is PCMU/8000 or PCMA/8000";
                answers.add(m.rejected());
                continue;
            }
            Direction theirs = offer.directionOf(m);
            if (c.isHoldAddress()) {
                theirs = theirs.and(Direction.SENDONLY); // RFC 2543 hold: they do not want to receive
            }
            Direction ours = theirs.answer().and(wish);
            Pick p = pick.get();
            chosen = parameters(p, c, m, ours);
            answers.add(ourMedia(p.codecPt, p.codec, p.eventPt, ours));
        }
        if (chosen == null) {
            return new Negotiation.NotAcceptable(reason);
        }
        return new Negotiation.Agreed(describe(answers), chosen);
    }

    /**
     * Our offer: every codec we speak (PCMU, PCMA) and telephone-event 101, with the given direction
     * ({@code SENDONLY} to hold, {@code INACTIVE} when both sides hold, {@code SENDRECV} to resume).
     */
    public SessionDescription offer(Direction direction) {
        Objects.requireNonNull(direction, "direction");
        List<String> formats = new ArrayList<>();
        Map<Integer, RtpMap> maps = new LinkedHashMap<>();
        for (AudioCodec codec : Codecs.all()) {
            formats.add(Integer.toString(codec.payloadType()));
            maps.put(codec.payloadType(), new RtpMap(codec.payloadType(), codec.name(), codec.clockRate(), 1));
        }
        formats.add(Integer.toString(TELEPHONE_EVENT_DEFAULT_PT));
        maps.put(TELEPHONE_EVENT_DEFAULT_PT, new RtpMap(TELEPHONE_EVENT_DEFAULT_PT, "telephone-event", 8000, 1));
        MediaDescription m = new MediaDescription("audio", localPort, "RTP/AVP", formats, null, maps,
                Map.of(TELEPHONE_EVENT_DEFAULT_PT, TELEPHONE_EVENT_FMTP), PTIME, direction, null, List.of());
        lastOffer = describe(List.of(m));
        return lastOffer;
    }

    /** Accepts the peer's answer to our last {@link #offer(Direction)}. */
    public Negotiation acceptAnswer(SessionDescription answer) {
        Objects.requireNonNull(answer, "answer");
        if (lastOffer == null) {
            throw new IllegalStateException("no offer outstanding");
        }
        if (answer.media().size() != lastOffer.media().size()) {
            return new Negotiation.NotAcceptable("the answer has " + answer.media().size()
                    + " media lines, the offer had " + lastOffer.media().size());
        }
        MediaDescription offered = lastOffer.media().get(0);
        MediaDescription m = answer.media().get(0);
        if (m.isRejected()) {
            return new Negotiation.NotAcceptable("the peer rejected the audio stream");
        }
        if (!m.isRtpAudio()) {
            return new Negotiation.NotAcceptable("the answer's stream is " + m.media() + " " + m.protocol());
        }
        Connection c = answer.connectionOf(m);
        if (c == null) {
            return new Negotiation.NotAcceptable("audio stream without a c= line");
        }
        // the answer must pick among what we offered (RFC 3264 §6.1); PT numbers are ours
        List<Integer> acceptable = m.payloadTypes().stream().filter(offered.payloadTypes()::contains).toList();
        Optional<Pick> pick = pick(m, acceptable);
        if (pick.isEmpty()) {
            return new Negotiation.NotAcceptable("the answer names none of the offered codecs: " + m.formats());
        }
        Direction theirs = answer.directionOf(m);
        if (c.isHoldAddress()) {
            theirs = theirs.and(Direction.SENDONLY);
        }
        Direction ours = lastOffer.directionOf(offered).and(theirs.answer());
        return new Negotiation.Agreed(answer, parameters(pick.get(), c, m, ours));
    }

    private record Pick(AudioCodec codec, int codecPt, int eventPt) {
    }

    private static Optional<Pick> pick(MediaDescription m, List<Integer> candidates) {
        for (int pt : candidates) {
            Optional<RtpMap> map = m.mapping(pt);
            if (map.isEmpty()) {
                continue;
            }
            Optional<AudioCodec> codec = Codecs.byName(map.get().encoding(), map.get().clockRate())
                    .filter(c -> map.get().channels() == 1);
            if (codec.isPresent()) {
                int event = -1;
                for (int other : candidates) {
                    Optional<RtpMap> om = m.mapping(other);
                    if (om.isPresent() && om.get().is("telephone-event", codec.get().clockRate())) {
                        event = other;
                        break;
                    }
                }
                return Optional.of(new Pick(codec.get(), pt, event));
            }
        }
        return Optional.empty();
    }

    private static MediaParameters parameters(Pick p, Connection c, MediaDescription m, Direction ours) {
        InetSocketAddress rtp = null;
        InetSocketAddress rtcp = null;
        if (!c.isHoldAddress()) {
            rtp = new InetSocketAddress(c.inetAddress(), m.port());
            rtcp = new InetSocketAddress(c.inetAddress(),
                    m.rtcpPort() != null ? m.rtcpPort() : Math.min(65535, m.port() + 1));
        }
        return new MediaParameters(p.codec, p.codecPt, p.eventPt, rtp, rtcp, ours,
                m.ptime() != null ? m.ptime() : PTIME);
    }

    private MediaDescription ourMedia(int codecPt, AudioCodec codec, int eventPt, Direction direction) {
        List<String> formats = new ArrayList<>();
        Map<Integer, RtpMap> maps = new LinkedHashMap<>();
        Map<Integer, String> fmtps = new LinkedHashMap<>();
        formats.add(Integer.toString(codecPt));
        maps.put(codecPt, new RtpMap(codecPt, codec.name(), codec.clockRate(), 1));
        if (eventPt >= 0) {
            formats.add(Integer.toString(eventPt));
            maps.put(eventPt, new RtpMap(eventPt, "telephone-event", codec.clockRate(), 1));
            fmtps.put(eventPt, TELEPHONE_EVENT_FMTP);
        }
        return new MediaDescription("audio", localPort, "RTP/AVP", formats, null, maps, fmtps, PTIME, direction,
                null, List.of());
    }

    private SessionDescription describe(List<MediaDescription> media) {
        Connection c = Connection.of(localAddress);
        SessionDescription candidate = new SessionDescription(
                new Origin("crosspoint", sessionId, version, c.addressType(), c.address()), "crosspoint", c, null,
                media);
        String body = candidate.format();
        String withoutOrigin = body.substring(body.indexOf("\r\n", body.indexOf("o=")));
        if (lastBody != null && !withoutOrigin.equals(lastBody)) {
            version++;
            candidate = new SessionDescription(candidate.origin().withVersion(version), candidate.sessionName(),
                    c, null, media);
        }
        lastBody = withoutOrigin;
        return candidate;
    }
}
