package com.crosspoint.media.engine;

import com.crosspoint.media.quality.CallQuality;
import com.crosspoint.media.quality.EModel;
import com.crosspoint.media.rtcp.NtpTime;
import com.crosspoint.media.rtcp.ReceiverStatistics;
import com.crosspoint.media.rtcp.ReportBlock;
import com.crosspoint.media.rtcp.SenderReport;
import com.crosspoint.media.rtp.PacketClassifier;
import com.crosspoint.media.rtp.PacketKind;
import com.crosspoint.media.sdp.MediaParameters;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The receive path of one RTP/RTCP port pair, up to the payload and no further: classifies each datagram (RTCP
 * to the {@link RtcpHandler}), reads RTP in place, asks the {@link RtpConsumer} whether it can use the payload
 * type, lets the {@link SourceLatch} decide on the source, keeps the reception statistics (RFC 3550 A.1, A.8)
 * and hands the packet to the consumer. Nothing here decodes, so a relay can use it as a session does.
 *
 * <p>{@link #onDatagram} runs on the port pair's receive thread. The statistics are also read by
 * {@link #quality} and the RTCP reporter on other threads, so they and the peer's SSRC are guarded by one lock,
 * held for the few field updates; nothing is called out under it. Bad input is counted and dropped.
 */
final class LatchingReceiver {
    private static final long MASK32 = 0xFFFF_FFFFL;
    private static final int CLOCK_RATE = 8000;

    private final SourceLatch latch;
    private final RtpConsumer consumer;
    private final RtcpHandler rtcp;
    private final Consumer<InetSocketAddress> onLatched;
    private final ReceivedRtp packet = new ReceivedRtp(); // receive thread only

    private final Object lock = new Object();
    private final ReceiverStatistics statistics = new ReceiverStatistics();
    private boolean haveSsrc;
    private long peerSsrc;

    private final AtomicLong garbage = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong unknownPayload = new AtomicLong();
    private final AtomicLong ignoredOnHold = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong ssrcChanges = new AtomicLong();

    /** @param onLatched told, on the receive thread, each time RTP latches onto a source (must return at once) */
    LatchingReceiver(SourceLatch latch, RtpConsumer consumer, RtcpHandler rtcp, Consumer<InetSocketAddress> onLatched) {
        this.latch = Objects.requireNonNull(latch, "latch");
        this.consumer = Objects.requireNonNull(consumer, "consumer");
        this.rtcp = Objects.requireNonNull(rtcp, "rtcp");
        this.onLatched = Objects.requireNonNull(onLatched, "onLatched");
    }

    /**
     * @param datagram   position to limit is the datagram; not kept
     * @param onRtcpPort it arrived on the RTCP port, where RTP is not expected
     * @param stream     the negotiated stream, or null before the first update (then RTP is dropped)
     */
    void onDatagram(ByteBuffer datagram, InetSocketAddress from, boolean onRtcpPort, long arrivalNanos,
                    MediaParameters stream) {
        PacketKind kind = PacketClassifier.classify(datagram);
        if (kind == PacketKind.RTCP) {
            rtcp.onRtcp(datagram, from, stream);
            return;
        }
        if (kind != PacketKind.RTP || onRtcpPort) {
            garbage.incrementAndGet();
            return;
        }
        if (!readAndAdmit(datagram, from, arrivalNanos, stream)) {
            return;
        }
        SourceLatch.Verdict verdict = latch.check(packet, stream.remoteRtp());
        if (verdict == SourceLatch.Verdict.FOREIGN) {
            return;
        }
        boolean receives = stream.direction().receives();
        if (receives) {
            count(packet);
        } else {
            ignoredOnHold.incrementAndGet();
        }
        if (verdict == SourceLatch.Verdict.LATCHED_NOW) {
            onLatched.accept(from);
        }
        if (receives) {
            consumer.accept(packet, stream);
        }
    }

    /** Reads the packet and asks the consumer about it; counts and returns false for what is of no use. */
    private boolean readAndAdmit(ByteBuffer datagram, InetSocketAddress from, long arrivalNanos,
                                 MediaParameters stream) {
        ReceivedRtp.Read read = packet.read(datagram, from, arrivalNanos);
        if (read == ReceivedRtp.Read.MALFORMED) {
            malformed.incrementAndGet();
            return false;
        }
        if (read == ReceivedRtp.Read.TOO_LARGE || stream == null) {
            // nothing we negotiate is that large; before negotiation no payload type is known
            unknownPayload.incrementAndGet();
            return false;
        }
        RtpConsumer.Admission admission = consumer.admit(packet, stream);
        if (admission == RtpConsumer.Admission.UNKNOWN_PAYLOAD) {
            unknownPayload.incrementAndGet();
            return false;
        }
        if (admission == RtpConsumer.Admission.MALFORMED) {
            malformed.incrementAndGet();
            return false;
        }
        return true;
    }

    private void count(ReceivedRtp rtp) {
        synchronized (lock) {
            if (!haveSsrc || rtp.ssrc() != peerSsrc) {
                if (haveSsrc) {
                    ssrcChanges.incrementAndGet(); // the statistics (and a jitter buffer) restart on their own
                }
                haveSsrc = true;
                peerSsrc = rtp.ssrc();
            }
            statistics.onRtp(rtp.ssrc(), rtp.sequence(), rtp.timestamp(), (rtp.arrivalNanos() / 125_000L) & MASK32);
        }
        received.incrementAndGet();
    }

    /** A sender report; kept for our receiver reports' LSR/DLSR when it is from the source we receive. */
    void onSenderReport(SenderReport report, NtpTime arrival) {
        synchronized (lock) {
            if (haveSsrc && report.ssrc() == peerSsrc) {
                statistics.onSenderReport(report, arrival);
            }
        }
    }

    /** The report block on what we received since the last call, or none before any RTP (RFC 3550 §6.4). */
    List<ReportBlock> reportBlocks(NtpTime now) {
        synchronized (lock) {
            return statistics.received() > 0 ? List.of(statistics.reportBlock(now)) : List.of();
        }
    }

    /** Quality of what was received so far. */
    CallQuality quality(Double rttMillis, double localDelayMillis) {
        long receivedPackets;
        long expected;
        double jitterMillis;
        synchronized (lock) {
            receivedPackets = statistics.received();
            expected = statistics.expected();
            jitterMillis = statistics.jitterMillis(CLOCK_RATE);
        }
        return CallQuality.assess(receivedPackets, expected, jitterMillis, rttMillis, localDelayMillis,
                EModel.G711_PLC);
    }

    SourceLatch latch() {
        return latch;
    }

    /** Datagrams that were neither RTP nor RTCP, or RTP on the RTCP port. */
    long garbage() {
        return garbage.get();
    }

    /** RTP, or a payload its consumer parses, that did not parse. */
    long malformed() {
        return malformed.get();
    }

    /** RTP with a payload type not negotiated, or too large for anything negotiated. */
    long unknownPayload() {
        return unknownPayload.get();
    }

    /** RTP from the latched source while the stream does not receive. */
    long ignoredOnHold() {
        return ignoredOnHold.get();
    }

    /** RTP accepted: from the latched source, negotiated, while receiving. */
    long received() {
        return received.get();
    }

    /** Times the peer's SSRC changed. */
    long ssrcChanges() {
        return ssrcChanges.get();
    }
}
