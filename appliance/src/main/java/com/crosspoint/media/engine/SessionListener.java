package com.crosspoint.media.engine;

import com.crosspoint.media.dtmf.DigitEvent;
import com.crosspoint.media.quality.CallQuality;
import java.net.InetSocketAddress;

/**
 * What a session reports back. Called on media threads (receive or pacing): implementations hand the event to
 * their own executor and return at once.
 */
public interface SessionListener {
    SessionListener NONE = new SessionListener() {
    };

    /** An RFC 4733 key press, reported on its end packet. */
    default void onDigit(DigitEvent digit) {
    }

    /** RTP is now sent to this address (the first valid packets, or a re-latch after a NAT rebinding). */
    default void onLatched(InetSocketAddress source) {
    }

    /** The session closed; the final figures. */
    default void onClosed(CallQuality quality) {
    }
}
