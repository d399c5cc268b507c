package com.crosspoint.media.rtcp;

import java.time.Duration;
import java.util.Optional;

/**
 * Round-trip time from a report block about our own stream (RFC 3550 §6.4.1): the time the block
 * arrived, minus the LSR it echoes, minus the DLSR the peer held it for, all in compact 16.16.
 */
public final class RoundTripTime {

    private RoundTripTime() {
    }

    /**
     * @param arrival our wall time when the SR/RR carrying the block arrived
     * @return empty when the peer has not seen an SR from us yet (LSR 0) or the clocks disagree so
     *         much that the result would be negative
     */
    public static Optional<Duration> of(ReportBlock block, NtpTime arrival) {
        if (block.lastSenderReport() == 0) {
            return Optional.empty();
        }
        long rtt = arrival.compact() - block.lastSenderReport() - block.delaySinceLastSenderReport();
        // modulo 2^32; the high half means "negative", which only broken clocks produce
        rtt &= 0xFFFF_FFFFL;
        if (rtt >= 1L << 31) {
            return Optional.empty();
        }
        return Optional.of(NtpTime.compactToDuration(rtt));
    }
}
