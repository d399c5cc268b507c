package com.crosspoint.relay.rtp;

import com.crosspoint.media.engine.ReceivedRtp;
import com.crosspoint.media.quality.CallQuality;
import com.crosspoint.media.quality.EModel;
import com.crosspoint.media.rtcp.ReceiverStatistics;

/**
 * Loss (RFC 3550 A.3) and interarrival jitter (A.8) of the RTP one phone sends, as it reaches the relay. Counted
 * on the forwarding thread and read by stats on others, under one lock held for a few field updates.
 */
final class Reception {
    private static final long MASK32 = 0xFFFF_FFFFL;

    private final ReceiverStatistics statistics = new ReceiverStatistics();

    /** Forwarding thread: a relayed packet. */
    synchronized void count(ReceivedRtp packet, int clockRate) {
        long arrival = packet.arrivalNanos() / 1000 * clockRate / 1_000_000; // in RTP clock units
        statistics.onRtp(packet.ssrc(), packet.sequence(), packet.timestamp(), arrival & MASK32);
    }

    /**
     * @param rttMillis the round trip between the relay and the phone, or null when not known; half of it is the
     *                  one-way delay the E-model is given
     */
    CallQuality quality(int clockRate, Double rttMillis) {
        long received;
        long expected;
        double jitter;
        synchronized (this) {
            received = statistics.received();
            expected = statistics.expected();
            jitter = statistics.jitterMillis(clockRate);
        }
        return CallQuality.assess(received, expected, jitter, rttMillis, 0, EModel.G711_PLC);
    }
}
