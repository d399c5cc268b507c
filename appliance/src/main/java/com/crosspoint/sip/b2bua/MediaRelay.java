package com.crosspoint.sip.b2bua;

import com.crosspoint.media.engine.SignalledPeer;
import com.crosspoint.media.sdp.AudioTarget;
import com.crosspoint.call.PartyMedia;
import com.crosspoint.model.CallQualitySummary;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

/**
 * The appliance's RTP relay as call control uses it: a pair of port pairs per call, one facing each party, between
 * which the relay forwards packets without decoding them. Call control decides when a call is relayed and points
 * each phone's session description at its side ({@link MediaAnchor}); the relay latches to where the packets
 * really come from. Built in the composition root over {@code relay.rtp}.
 */
interface MediaRelay {

    /** A relay that never opens: anchoring is off, or a test has no relay. */
    MediaRelay NONE = (callId, onMediaTimeout) -> Optional.empty();

    /**
     * Both sides of a relay for {@code callId}; empty when no ports are free (the call then goes unrelayed).
     * {@code onMediaTimeout} runs, on any thread, when neither party has sent media for the relay's timeout.
     */
    Optional<Pair> open(String callId, Runnable onMediaTimeout);

    /** The two sides of one call's relay. */
    interface Pair {
        /** Side 0 or 1. */
        Side side(int index);

        /** Frees the ports; idempotent. */
        void close();
    }

    /** The ports of the relay facing one party, and what that party asked for. */
    interface Side {
        /** The address the session description sent to this side's phone names for RTP. */
        InetSocketAddress localRtp();

        int localRtcpPort();

        /**
         * What this side's phone asked for in its latest session description: where the other side's packets go
         * until the phone's own packets show where it really is. A phone {@link SignalledPeer#behindNat} may be
         * latched at another source than its SDP names.
         */
        void expect(AudioTarget target, SignalledPeer peer);

        /** The party is on hold or hears the appliance (music on hold): silence here does not time the call out. */
        void paused(boolean paused);

        /** How the audio this side's phone sends reaches the relay; null while nothing was received. */
        CallQualitySummary quality();

        /** Where the relay hears this side's phone now, and how it came to. */
        Report report();
    }

    /**
     * @param heardFrom  where the phone is heard from and sent to now; null before its first packet
     * @param latchCount latch changes since the call began, the first latch included
     * @param latches    the latest latch changes, oldest first
     */
    record Report(InetSocketAddress heardFrom, long latchCount, List<PartyMedia.Latch> latches) {
        static final Report NONE = new Report(null, 0, List.of());
    }
}
