package com.crosspoint.media.engine;

import com.crosspoint.media.sdp.MediaParameters;
import java.util.Objects;

/**
 * What {@link MediaEngine#open(SessionRequest)} needs.
 *
 * @param label    for logs, e.g. the call id and leg
 * @param media    the negotiated stream, or null when the port is needed first (answer an offer, then
 *                 {@link MediaSession#update(MediaParameters, SignalledPeer)})
 * @param peer     where the peer's RTP may come from, as its signalling says ({@link SignalledPeer#DIRECT}: the SDP
 *                 address alone)
 * @param listener digits, latching, close
 */
public record SessionRequest(String label, MediaParameters media, SignalledPeer peer, SessionListener listener) {
    public SessionRequest {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(listener, "listener");
    }

    /** A session whose RTP is latched to the SDP address alone. */
    public SessionRequest(String label, MediaParameters media, SessionListener listener) {
        this(label, media, SignalledPeer.DIRECT, listener);
    }

    public static SessionRequest of(String label) {
        return new SessionRequest(label, null, SessionListener.NONE);
    }
}
