package com.crosspoint.media.engine;

import com.crosspoint.media.rtcp.Goodbye;
import com.crosspoint.media.rtcp.MalformedRtcpException;
import com.crosspoint.media.rtcp.NtpTime;
import com.crosspoint.media.rtcp.ReceiverReport;
import com.crosspoint.media.rtcp.ReportBlock;
import com.crosspoint.media.rtcp.RoundTripTime;
import com.crosspoint.media.rtcp.RtcpCompoundPacket;
import com.crosspoint.media.rtcp.RtcpPacket;
import com.crosspoint.media.rtcp.SdesChunk;
import com.crosspoint.media.rtcp.SdesItem;
import com.crosspoint.media.rtcp.SenderReport;
import com.crosspoint.media.rtcp.SourceDescription;
import com.crosspoint.media.sdp.MediaParameters;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session's RTCP (RFC 3550 §6): every randomised interval, on the pacing thread, a compound SR (once we have
 * sent RTP) or RR with the reception report block, plus SDES CNAME, and BYE on close; reports received on
 * the receive thread give the peer's sender-report times for our blocks and, from the blocks about us, the
 * round-trip time. RTCP goes to the RTCP address the SDP names; only for a peer behind NAT (its latch policy says
 * so) does it follow where the peer's RTCP comes from, and then only from the host RTP is latched to (or, before
 * that, the host SDP named), so a stray sender cannot take over where our reports go.
 */
final class RtcpReporter implements RtcpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(RtcpReporter.class);
    private static final long MASK32 = 0xFFFF_FFFFL;

    private final String label;
    private final DatagramChannel channel;
    private final LatchingReceiver receiver;
    private final RtpSender sender;
    private final Clock clock;
    private final String cname;
    private final int intervalMillis;
    private volatile InetSocketAddress latched;
    private volatile Double rttMillis;
    private long nextReportNanos; // pacing thread only

    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();

    /** The first report is due one randomised interval from now. */
    RtcpReporter(String label, DatagramChannel channel, LatchingReceiver receiver, RtpSender sender,
                 MediaEngine engine) {
        this.label = label;
        this.channel = channel;
        this.receiver = receiver;
        this.sender = sender;
        this.clock = engine.clock();
        this.cname = "crosspoint-" + Long.toHexString(sender.ssrc()) + "@" + engine.bindAddress().getHostAddress();
        this.intervalMillis = engine.config().rtcpIntervalMillis();
        this.nextReportNanos = System.nanoTime() + delayNanos();
    }

    @Override
    public void onRtcp(ByteBuffer datagram, InetSocketAddress from, MediaParameters stream) {
        RtcpCompoundPacket compound;
        try {
            compound = RtcpCompoundPacket.parse(datagram);
        } catch (MalformedRtcpException e) {
            malformed.incrementAndGet();
            return;
        }
        received.incrementAndGet();
        InetSocketAddress rtpSource = receiver.latch().source();
        InetAddress expectedHost = rtpSource != null ? rtpSource.getAddress()
                : stream != null && stream.remoteRtp() != null ? stream.remoteRtp().getAddress() : null;
        if (receiver.latch().rtcpFollowsSource() && from.getAddress().equals(expectedHost)) {
            latched = from;
        }
        NtpTime now = ntpNow();
        for (RtcpPacket packet : compound.packets()) {
            List<ReportBlock> blocks = List.of();
            if (packet instanceof SenderReport sr) {
                receiver.onSenderReport(sr, now);
                blocks = sr.reports();
            } else if (packet instanceof ReceiverReport rr) {
                blocks = rr.reports();
            }
            for (ReportBlock block : blocks) {
                if (block.ssrc() == sender.ssrc()) {
                    RoundTripTime.of(block, now).ifPresent(d -> rttMillis = d.toNanos() / 1e6);
                }
            }
        }
    }

    /** Pacing thread, every tick: sends a report when one is due. */
    void tick(long nowNanos, MediaParameters stream) {
        if (nowNanos - nextReportNanos >= 0) {
            nextReportNanos = nowNanos + delayNanos();
            send(false, stream);
        }
    }

    /** Sends a report now, with BYE when {@code bye}; nowhere to send it to (no RTCP address yet) sends nothing. */
    void send(boolean bye, MediaParameters stream) {
        InetSocketAddress target = latched;
        if (target == null && stream != null) {
            target = stream.remoteRtcp();
        }
        if (target == null) {
            return;
        }
        NtpTime now = ntpNow();
        List<ReportBlock> blocks = receiver.reportBlocks(now);
        long rtpSent = sender.packetsSent();
        long ssrc = sender.ssrc();
        List<RtcpPacket> compound = new ArrayList<>(3);
        compound.add(rtpSent > 0
                ? new SenderReport(ssrc, now, sender.timestamp(), rtpSent & MASK32, sender.octetsSent() & MASK32,
                        blocks)
                : new ReceiverReport(ssrc, blocks));
        compound.add(new SourceDescription(List.of(new SdesChunk(ssrc, List.of(SdesItem.cname(cname))))));
        if (bye) {
            compound.add(new Goodbye(List.of(ssrc), null));
        }
        try {
            channel.send(ByteBuffer.wrap(new RtcpCompoundPacket(compound).toBytes()), target);
            sent.incrementAndGet();
        } catch (IOException e) {
            LOG.debug("{}: RTCP not sent to {}", label, target, e);
        }
    }

    /** Forgets where the peer's RTCP came from (the peer moved in SDP). */
    void reset() {
        latched = null;
    }

    /** The last round-trip time measured, or null. */
    Double rttMillis() {
        return rttMillis;
    }

    long sent() {
        return sent.get();
    }

    long received() {
        return received.get();
    }

    /** RTCP that did not parse. */
    long malformed() {
        return malformed.get();
    }

    /** RFC 3550 §6.2, simplified: the configured interval randomised to 0.5..1.5 of itself. */
    private long delayNanos() {
        return (long) (intervalMillis * 1_000_000L * (0.5 + ThreadLocalRandom.current().nextDouble()));
    }

    private NtpTime ntpNow() {
        Instant now = clock.instant();
        long seconds = (now.getEpochSecond() + NtpTime.UNIX_EPOCH_OFFSET) & MASK32;
        long fraction = ((long) now.getNano() << 32) / 1_000_000_000L;
        return new NtpTime(seconds, fraction);
    }
}
