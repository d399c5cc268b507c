package com.crosspoint.media.engine;

import java.net.InetAddress;
import java.util.Objects;

/**
 * What the signalling says about where a session's RTP may come from, decided by whoever speaks SIP with the peer
 * (the engine only follows it). A peer not behind NAT sends from the address its SDP names, and only that address
 * latches. A peer behind NAT sends from an address nobody signalled, so the first source of a negotiated payload
 * type latches and its SSRC is pinned; {@code signallingHost}, the host its signalling came from, may re-latch.
 *
 * @param behindNat      the SDP address is not where the peer's packets come from (its signalling says so)
 * @param signallingHost the host the peer's signalling came from; null when not behind NAT
 */
public record SignalledPeer(boolean behindNat, InetAddress signallingHost) {

    /** Not behind NAT: RTP comes from the address the SDP names, and from nowhere else. */
    public static final SignalledPeer DIRECT = new SignalledPeer(false, null);

    public SignalledPeer {
        if (behindNat) {
            Objects.requireNonNull(signallingHost, "signallingHost");
        } else if (signallingHost != null) {
            throw new IllegalArgumentException("a peer not behind NAT is latched by its SDP address alone");
        }
    }

    /** Behind NAT, its signalling having come from {@code signallingHost}. */
    public static SignalledPeer behindNat(InetAddress signallingHost) {
        return new SignalledPeer(true, signallingHost);
    }
}
