package com.crosspoint.media.rtcp;

import java.util.List;
import java.util.Objects;

/**
 * An SR (RFC 3550 §6.4.1): what this sender sent, and what it received from up to 31 sources.
 * Profile-specific extensions after the report blocks are not kept.
 */
public record SenderReport(long ssrc, NtpTime ntpTime, long rtpTimestamp, long packetCount, long octetCount,
                           List<ReportBlock> reports) implements RtcpPacket {
    public static final int MAX_REPORTS = 31;

    public SenderReport {
        Unsigned.require32(ssrc, "ssrc");
        Objects.requireNonNull(ntpTime, "ntpTime");
        Unsigned.require32(rtpTimestamp, "rtp timestamp");
        Unsigned.require32(packetCount, "packet count");
        Unsigned.require32(octetCount, "octet count");
        reports = List.copyOf(reports);
        if (reports.size() > MAX_REPORTS) {
            throw new IllegalArgumentException("at most 31 report blocks: " + reports.size());
        }
    }

    @Override
    public int packetType() {
        return SR;
    }
}
