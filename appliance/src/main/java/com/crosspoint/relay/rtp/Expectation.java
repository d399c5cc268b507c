package com.crosspoint.relay.rtp;

import com.crosspoint.media.engine.SignalledPeer;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Set;

/**
 * What one phone's latest SDP and signalling say about its media, as the forwarding thread reads it: immutable,
 * swapped whole by {@link RelaySide#expect}. Payload types are a 128-bit mask so the per-packet check neither boxes
 * nor hashes.
 *
 * @param signalledRtp  the SDP's RTP address; null when it names none we can send to (0.0.0.0: hold)
 * @param signalledRtcp the SDP's RTCP address ({@code a=rtcp}, else RTP port + 1); null with signalledRtp
 * @param peer          whether the phone is behind NAT, and the host its SIP came from
 * @param rtcpMux       the phone sends and takes RTCP on its RTP port (RFC 5761)
 * @param clockRate     RTP clock of its audio, for jitter in milliseconds
 */
record Expectation(InetSocketAddress signalledRtp, InetSocketAddress signalledRtcp, SignalledPeer peer,
                   long payloadTypesLow, long payloadTypesHigh, boolean rtcpMux, int clockRate) {

    Expectation {
        Objects.requireNonNull(peer, "peer");
        if (clockRate < 1000 || clockRate > 192_000) {
            throw new IllegalArgumentException("clock rate must be 1000..192000 Hz: " + clockRate);
        }
        if (payloadTypesLow == 0 && payloadTypesHigh == 0) {
            throw new IllegalArgumentException("at least one payload type must be negotiated");
        }
    }

    static Expectation of(InetSocketAddress rtp, InetSocketAddress rtcp, SignalledPeer peer,
                          Set<Integer> payloadTypes, boolean rtcpMux, int clockRate) {
        long low = 0;
        long high = 0;
        for (int pt : payloadTypes) {
            if (pt < 0 || pt > 127 || pt >= 64 && pt <= 95) {
                // 64..95 would read as RTCP on a multiplexed port (RFC 5761 §4)
                throw new IllegalArgumentException("RTP payload type must be 0..63 or 96..127: " + pt);
            }
            if (pt < 64) {
                low |= 1L << pt;
            } else {
                high |= 1L << (pt - 64);
            }
        }
        InetSocketAddress sendable = sendable(rtp);
        InetSocketAddress rtcpTarget = sendable == null ? null
                : rtcp != null ? sendable(rtcp)
                : sendable.getPort() < 65535 ? new InetSocketAddress(sendable.getAddress(), sendable.getPort() + 1)
                : null;
        return new Expectation(sendable, rtcpTarget, peer, low, high, rtcpMux, clockRate);
    }

    /** Null for an address no packet may go to: unresolved, the wildcard (RFC 2543 hold) or port 0. */
    private static InetSocketAddress sendable(InetSocketAddress address) {
        if (address == null || address.isUnresolved() || address.getAddress().isAnyLocalAddress()
                || address.getPort() == 0) {
            return null;
        }
        return address;
    }

    boolean negotiated(int payloadType) {
        return payloadType < 64 ? (payloadTypesLow >>> payloadType & 1) != 0
                : (payloadTypesHigh >>> (payloadType - 64) & 1) != 0;
    }

    boolean behindNat() {
        return peer.behindNat();
    }
}
