package com.crosspoint.media.engine;

import java.net.InetSocketAddress;

/**
 * Counts packets in a row from one source that wants to take over a latch: a packet from another candidate starts
 * the count over. Receive thread only.
 */
final class CandidateRun {
    private final int packets;
    private InetSocketAddress candidate;
    private int count;

    /** @param packets how many in a row a takeover needs ({@code media.relatchPackets}) */
    CandidateRun(int packets) {
        if (packets < 1) {
            throw new IllegalArgumentException("packets must be at least 1: " + packets);
        }
        this.packets = packets;
    }

    /** Counts a packet from {@code from}; whether that source has now sent enough in a row. */
    boolean reached(InetSocketAddress from) {
        if (from.equals(candidate)) {
            count++;
        } else {
            candidate = from;
            count = 1;
        }
        return count >= packets;
    }

    /** Forgets the candidate (the latched source spoke, or the candidate took over). */
    void clear() {
        candidate = null;
        count = 0;
    }
}
