package com.crosspoint.media.quality;

/**
 * The quality figures the engine publishes per call leg.
 *
 * @param packetsReceived packets counted by the receiver
 * @param packetsLost     expected − received, floored at 0 for display (duplicates can push it below)
 * @param lossPercent     packetsLost of expected, 0..100
 * @param jitterMillis    interarrival jitter
 * @param rttMillis       round trip from RTCP, or null while no report has echoed one of our SRs
 * @param mos             estimated MOS, 1..4.5
 */
public record CallQuality(long packetsReceived, long packetsLost, double lossPercent, double jitterMillis,
                          Double rttMillis, double mos) {

    public CallQuality {
        if (packetsReceived < 0 || packetsLost < 0) {
            throw new IllegalArgumentException("packet counts must be non-negative");
        }
        if (!(lossPercent >= 0 && lossPercent <= 100)) {
            throw new IllegalArgumentException("loss must be 0..100 %: " + lossPercent);
        }
        if (!(jitterMillis >= 0) || Double.isInfinite(jitterMillis)) {
            throw new IllegalArgumentException("jitter must be non-negative: " + jitterMillis);
        }
        if (rttMillis != null && (!(rttMillis >= 0) || rttMillis.isInfinite())) {
            throw new IllegalArgumentException("RTT must be non-negative: " + rttMillis);
        }
        if (!(mos >= 1 && mos <= 4.5)) {
            throw new IllegalArgumentException("MOS must be 1..4.5: " + mos);
        }
    }

    /**
     * Assesses a leg from its counters. One-way delay is taken as half the RTT (0 when unknown)
     * plus the local delay the engine adds (jitter buffer, packetisation); loss is treated as
     * random (BurstR = 1).
     *
     * @param expected         packets expected (RFC 3550 A.3)
     * @param localDelayMillis jitter-buffer depth + packetisation, ms
     */
    public static CallQuality assess(long received, long expected, double jitterMillis, Double rttMillis,
                                     double localDelayMillis, EModel model) {
        long lost = Math.max(0, expected - received);
        double lossPercent = expected <= 0 ? 0 : Math.min(100, 100.0 * lost / expected);
        double oneWay = (rttMillis == null ? 0 : rttMillis / 2) + localDelayMillis;
        return new CallQuality(received, lost, lossPercent, jitterMillis, rttMillis,
                model.mos(oneWay, lossPercent, 1));
    }
}
