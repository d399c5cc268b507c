package com.crosspoint.media.engine;

import com.crosspoint.media.sdp.MediaParameters;
import java.util.Objects;

/**
 * What {@link MediaEngine#open(SessionRequest)} needs.
 *
 * @param label    for logs, e.g. the call id and leg
 * @param media    the negotiated stream, or null when the port is needed first (answer an offer, then
 *                 {@link MediaSession#update(MediaParameters)})
 * @param listener digits, latching, close
 */
public record SessionRequest(String label, MediaParameters media, SessionListener listener) {
    public SessionRequest {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(listener, "listener");
    }

    public static SessionRequest of(String label) {
        return new SessionRequest(label, null, SessionListener.NONE);
    }
}
