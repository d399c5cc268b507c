package com.crosspoint.relay.rtp;

import com.crosspoint.media.quality.CallQuality;
import com.crosspoint.media.quality.EModel;
import com.crosspoint.media.rtcp.MalformedRtcpException;
import com.crosspoint.media.rtcp.ReceiverReport;
import com.crosspoint.media.rtcp.ReportBlock;
import com.crosspoint.media.rtcp.RtcpCompoundPacket;
import com.crosspoint.media.rtcp.RtcpPacket;
import com.crosspoint.media.rtcp.SenderReport;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * Reads the RTCP one phone sends as it is relayed (it is forwarded unchanged either way): its report blocks say how
 * the audio it receives arrived (loss, jitter), and a block that echoes a sender report the relay passed to it
 * (LSR, DLSR, RFC 3550 §6.4.1) gives the round trip between the relay and that phone. RTCP is a few packets a
 * second at most, so parsing it may allocate; a report that does not parse is counted and forwarded all the same.
 */
final class RtcpWatch {
    /** Sender reports relayed to the phone that its reports may still echo. */
    private static final int REMEMBERED = 8;
    private static final double DLSR_UNITS_PER_SECOND = 65536.0;

    private final long[] relayedCompact = new long[REMEMBERED];
    private final long[] relayedAtNanos = new long[REMEMBERED];
    private int next;
    private boolean haveBlock;
    private long cumulativeLost;
    private double jitterUnits;
    private Double rttMillis;
    private long malformed;

    /**
     * RTCP from the phone (forwarding thread).
     *
     * @param other     the other side, whose phone will receive this phone's sender reports
     * @param heardSsrc the SSRC of the stream this phone receives (the other phone's), or -1 when not known
     */
    void fromPhone(ByteBuffer datagram, long nowNanos, RtcpWatch other, long heardSsrc) {
        RtcpCompoundPacket compound;
        try {
            compound = RtcpCompoundPacket.parse(datagram);
        } catch (MalformedRtcpException e) {
            synchronized (this) {
                malformed++;
            }
            return;
        }
        for (RtcpPacket packet : compound.packets()) {
            List<ReportBlock> blocks = List.of();
            if (packet instanceof SenderReport sr) {
                other.senderReportRelayed(sr.ntpTime().compact(), nowNanos);
                blocks = sr.reports();
            } else if (packet instanceof ReceiverReport rr) {
                blocks = rr.reports();
            }
            for (ReportBlock block : blocks) {
                if (heardSsrc < 0 || block.ssrc() == heardSsrc) {
                    report(block, nowNanos);
                    break;
                }
            }
        }
    }

    private synchronized void senderReportRelayed(long compactNtp, long nowNanos) {
        relayedCompact[next] = compactNtp;
        relayedAtNanos[next] = nowNanos;
        next = (next + 1) % REMEMBERED;
    }

    private synchronized void report(ReportBlock block, long nowNanos) {
        haveBlock = true;
        cumulativeLost = Math.max(0, block.cumulativeLost());
        jitterUnits = block.jitter();
        if (block.lastSenderReport() == 0) {
            return;
        }
        for (int i = 0; i < REMEMBERED; i++) {
            if (relayedCompact[i] == block.lastSenderReport() && relayedAtNanos[i] != 0) {
                double rtt = (nowNanos - relayedAtNanos[i]) / 1e6
                        - block.delaySinceLastSenderReport() * 1000 / DLSR_UNITS_PER_SECOND;
                if (rtt >= 0) {
                    rttMillis = rtt;
                }
                return;
            }
        }
    }

    /** The round trip between the relay and the phone, or null while no report echoed a relayed one. */
    synchronized Double rttMillis() {
        return rttMillis;
    }

    /**
     * What the phone reported hearing, with {@code packetsSentToPhone} as what it was expected to receive.
     */
    synchronized Optional<CallQuality> heard(long packetsSentToPhone, int clockRate) {
        if (!haveBlock) {
            return Optional.empty();
        }
        long expected = Math.max(packetsSentToPhone, cumulativeLost);
        return Optional.of(CallQuality.assess(expected - cumulativeLost, expected, jitterUnits * 1000.0 / clockRate,
                rttMillis, 0, EModel.G711_PLC));
    }

    synchronized long malformed() {
        return malformed;
    }
}
