package com.crosspoint.media.rtcp;

/**
 * One reception report block of an SR or RR (RFC 3550 §6.4.1).
 *
 * @param ssrc                     the source this block reports on
 * @param fractionLost             lost since the previous report, in 1/256 (0..255)
 * @param cumulativeLost           24-bit signed: duplicates can make it negative
 * @param extendedHighestSequence  cycles << 16 | highest sequence number
 * @param jitter                   interarrival jitter, RTP timestamp units
 * @param lastSenderReport         LSR: compact NTP time of the last SR from that source, 0 if none
 * @param delaySinceLastSenderReport DLSR: 1/65536 s since that SR arrived, 0 if none
 */
public record ReportBlock(long ssrc, int fractionLost, int cumulativeLost, long extendedHighestSequence,
                          long jitter, long lastSenderReport, long delaySinceLastSenderReport) {
    public static final int MIN_CUMULATIVE_LOST = -(1 << 23);
    public static final int MAX_CUMULATIVE_LOST = (1 << 23) - 1;

    public ReportBlock {
        Unsigned.require32(ssrc, "ssrc");
        if (fractionLost < 0 || fractionLost > 0xFF) {
            throw new IllegalArgumentException("fraction lost must be 8 bits: " + fractionLost);
        }
        if (cumulativeLost < MIN_CUMULATIVE_LOST || cumulativeLost > MAX_CUMULATIVE_LOST) {
            throw new IllegalArgumentException("cumulative lost must be 24-bit signed: " + cumulativeLost);
        }
        Unsigned.require32(extendedHighestSequence, "extended highest sequence");
        Unsigned.require32(jitter, "jitter");
        Unsigned.require32(lastSenderReport, "LSR");
        Unsigned.require32(delaySinceLastSenderReport, "DLSR");
    }

    /** Clamps a loss count into the 24-bit field, as A.3 says to. */
    public static int clampCumulativeLost(long lost) {
        return (int) Math.max(MIN_CUMULATIVE_LOST, Math.min(MAX_CUMULATIVE_LOST, lost));
    }
}
