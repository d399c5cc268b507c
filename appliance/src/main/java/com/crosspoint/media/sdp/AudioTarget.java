package com.crosspoint.media.sdp;

import java.net.InetSocketAddress;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Where a session description asks for its audio to be sent: what a relay needs to know of one party to forward
 * the other party's RTP to it. Read from the first audio stream that is not disabled.
 *
 * @param rtp          the RTP address; its host is {@code 0.0.0.0} when the party holds the old way (RFC 2543)
 * @param rtcp         the RTCP address: {@code a=rtcp} (RFC 3605), else the RTP port + 1
 * @param rtcpMux      the party offered or accepted RTCP on the RTP port ({@code a=rtcp-mux}, RFC 5761)
 * @param payloadTypes the payload types of the stream, in order
 * @param clockRate    the RTP clock rate of its first payload type (8000 when unknown)
 * @param direction    the stream's direction, inherited from the session when it names none
 */
public record AudioTarget(InetSocketAddress rtp, InetSocketAddress rtcp, boolean rtcpMux, Set<Integer> payloadTypes,
                          int clockRate, Direction direction) {

    private static final int DEFAULT_CLOCK = 8000;

    public AudioTarget {
        payloadTypes = Set.copyOf(payloadTypes);
    }

    /** The audio target of {@code sdp}; empty when it has no usable audio stream or does not parse. */
    public static Optional<AudioTarget> of(byte[] sdp) {
        if (sdp == null || sdp.length == 0) {
            return Optional.empty();
        }
        SessionDescription d;
        try {
            d = SessionDescription.parse(sdp);
        } catch (SdpParseException | RuntimeException e) {
            return Optional.empty();
        }
        for (MediaDescription m : d.media()) {
            if (!m.media().equals("audio") || m.isRejected()) {
                continue;
            }
            Connection c = d.connectionOf(m);
            if (c == null) {
                return Optional.empty();
            }
            InetSocketAddress rtp = new InetSocketAddress(c.inetAddress(), m.port());
            int rtcpPort = m.rtcpPort() != null ? m.rtcpPort() : Math.min(m.port() + 1, 65535);
            boolean mux = m.otherAttributes().contains("rtcp-mux");
            int clock = m.payloadTypes().stream().findFirst().flatMap(m::mapping)
                    .map(RtpMap::clockRate).orElse(DEFAULT_CLOCK);
            return Optional.of(new AudioTarget(rtp, new InetSocketAddress(c.inetAddress(), rtcpPort), mux,
                    new LinkedHashSet<>(m.payloadTypes()), clock, d.directionOf(m)));
        }
        return Optional.empty();
    }

    /** Whether the party asks for no audio at all: the hold address, or a stream that is inactive or send-only. */
    public boolean receivesNothing() {
        return rtp.getAddress().isAnyLocalAddress() || direction == Direction.INACTIVE
                || direction == Direction.SENDONLY;
    }
}
