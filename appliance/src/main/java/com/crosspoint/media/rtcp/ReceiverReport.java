package com.crosspoint.media.rtcp;

import java.util.List;

/** An RR (RFC 3550 §6.4.2): reception reports from a participant that is not sending. */
public record ReceiverReport(long ssrc, List<ReportBlock> reports) implements RtcpPacket {

    public ReceiverReport {
        Unsigned.require32(ssrc, "ssrc");
        reports = List.copyOf(reports);
        if (reports.size() > SenderReport.MAX_REPORTS) {
            throw new IllegalArgumentException("at most 31 report blocks: " + reports.size());
        }
    }

    @Override
    public int packetType() {
        return RR;
    }
}
