package com.crosspoint.media.rtcp;

import com.crosspoint.media.rtp.SequenceTracker;
import java.util.Objects;

/**
 * Reception statistics for one remote source: loss (RFC 3550 A.3) and interarrival jitter (A.8),
 * plus the LSR/DLSR bookkeeping for its sender reports, turned into a {@link ReportBlock} on demand.
 * The caller passes every time in: arrival in RTP timestamp units for jitter, NTP wall time for
 * DLSR. Not thread-safe: one receive path owns it.
 */
public final class ReceiverStatistics {
    private final SequenceTracker sequence = new SequenceTracker();
    private long generationOfPriors = -1;
    private long expectedPrior;
    private long receivedPrior;
    private boolean haveTransit;
    private int transit;
    private double jitter;
    private long jitterSsrc = -1;
    private long lastSenderReport;
    private NtpTime lastSenderReportArrival;

    /**
     * Accounts one RTP packet.
     *
     * @param arrival the arrival time converted to the stream's RTP clock (e.g. ms × 8 for 8 kHz);
     *                any origin, only differences matter, and it may wrap at 32 bits like the timestamp
     * @return what the packet did to the sequence state
     */
    public SequenceTracker.Outcome onRtp(long ssrc, int sequenceNumber, long rtpTimestamp, long arrival) {
        SequenceTracker.Outcome outcome = sequence.update(ssrc, sequenceNumber);
        if (ssrc != jitterSsrc) {
            jitterSsrc = ssrc;
            haveTransit = false;
            jitter = 0;
            lastSenderReport = 0;
            lastSenderReportArrival = null;
        }
        // a duplicate says nothing about the network's timing; a held jump may be garbage
        if (outcome == SequenceTracker.Outcome.DUPLICATE || outcome == SequenceTracker.Outcome.BAD_JUMP) {
            return outcome;
        }
        // 32-bit wrapping arithmetic as in A.8: both clocks may wrap
        int packetTransit = (int) arrival - (int) rtpTimestamp;
        if (haveTransit) {
            int d = Math.abs(packetTransit - transit);
            jitter += (d - jitter) / 16.0;
        }
        transit = packetTransit;
        haveTransit = true;
        return outcome;
    }

    /**
     * Records a sender report from this source.
     *
     * @param arrival our wall time when it arrived, as NTP
     */
    public void onSenderReport(SenderReport report, NtpTime arrival) {
        Objects.requireNonNull(arrival, "arrival");
        lastSenderReport = report.ntpTime().compact();
        lastSenderReportArrival = arrival;
    }

    /** Expected packets since the base sequence number (A.3). */
    public long expected() {
        return sequence.expected();
    }

    /** Received packets, duplicates included (A.1). */
    public long received() {
        return sequence.received();
    }

    /** Cumulative lost: expected − received; negative with duplicates. */
    public long cumulativeLost() {
        return expected() - received();
    }

    /** Interarrival jitter in RTP timestamp units (A.8), unrounded. */
    public double jitter() {
        return jitter;
    }

    public double jitterMillis(int clockRate) {
        return jitter * 1000.0 / clockRate;
    }

    public SequenceTracker sequence() {
        return sequence;
    }

    /**
     * Builds this source's report block and starts a new reporting interval, so fraction lost
     * covers only the time since the previous call (A.3).
     *
     * @param now our wall time, as NTP, for DLSR
     */
    public ReportBlock reportBlock(NtpTime now) {
        Objects.requireNonNull(now, "now");
        if (generationOfPriors != sequence.generation()) {
            // the sequence state was re-initialised: the interval starts at its base
            generationOfPriors = sequence.generation();
            expectedPrior = 0;
            receivedPrior = 0;
        }
        long expected = expected();
        long expectedInterval = expected - expectedPrior;
        expectedPrior = expected;
        long receivedInterval = received() - receivedPrior;
        receivedPrior = received();
        long lostInterval = expectedInterval - receivedInterval;
        int fraction = expectedInterval == 0 || lostInterval <= 0 ? 0 : (int) ((lostInterval << 8) / expectedInterval);
        long dlsr = lastSenderReportArrival == null ? 0
                : (now.compact() - lastSenderReportArrival.compact()) & 0xFFFF_FFFFL;
        return new ReportBlock(sequence.ssrc() & 0xFFFF_FFFFL, fraction,
                ReportBlock.clampCumulativeLost(cumulativeLost()), sequence.extendedHighestSequence() & 0xFFFF_FFFFL,
                (long) jitter & 0xFFFF_FFFFL, lastSenderReport, dlsr);
    }
}
