package com.crosspoint.media.engine;

import com.crosspoint.media.sdp.MediaParameters;
import java.net.InetSocketAddress;

/**
 * Today's latching rule: the first source latches; another takes over after {@code packets} in a row from it
 * (none from the latched source or a third one in between), and only once the latched source has been quiet
 * for {@link #QUIET_NANOS}. A phone whose NAT binding changed stops sending from the old address; an attacker
 * spraying RTP at our port while the phone still talks ("RTP bleed") cannot redirect the call's audio to itself.
 */
final class QuietTakeover implements LatchPolicy {
    /** How long the latched source must have been quiet before another may take the media over. */
    static final long QUIET_NANOS = 500_000_000L;

    private final int packets;
    private InetSocketAddress candidate;
    private int candidatePackets;

    /** @param packets consecutive packets from a new source before it may take over ({@code media.relatchPackets}) */
    QuietTakeover(int packets) {
        if (packets < 1) {
            throw new IllegalArgumentException("packets must be at least 1: " + packets);
        }
        this.packets = packets;
    }

    @Override
    public boolean latchesFirst(ReceivedRtp packet, MediaParameters stream) {
        return true;
    }

    @Override
    public boolean takesOver(ReceivedRtp packet, long quietNanos) {
        InetSocketAddress from = packet.source();
        if (from.equals(candidate)) {
            candidatePackets++;
        } else {
            candidate = from;
            candidatePackets = 1;
        }
        if (candidatePackets < packets || quietNanos < QUIET_NANOS) {
            return false;
        }
        latchedSourceSent(); // the candidate is the latched source now
        return true;
    }

    @Override
    public void latchedSourceSent() {
        candidate = null;
        candidatePackets = 0;
    }
}
