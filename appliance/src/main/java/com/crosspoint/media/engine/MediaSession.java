package com.crosspoint.media.engine;

import com.crosspoint.media.codec.AudioCodec;
import com.crosspoint.media.dtmf.DigitEvent;
import com.crosspoint.media.dtmf.DtmfFrame;
import com.crosspoint.media.dtmf.DtmfReceiver;
import com.crosspoint.media.dtmf.DtmfSender;
import com.crosspoint.media.dtmf.DtmfSymbols;
import com.crosspoint.media.dtmf.MalformedDtmfException;
import com.crosspoint.media.dtmf.TelephoneEvent;
import com.crosspoint.media.jitter.FrameKind;
import com.crosspoint.media.jitter.JitterBuffer;
import com.crosspoint.media.jitter.JitterConfig;
import com.crosspoint.media.quality.CallQuality;
import com.crosspoint.media.quality.EModel;
import com.crosspoint.media.rtcp.Goodbye;
import com.crosspoint.media.rtcp.MalformedRtcpException;
import com.crosspoint.media.rtcp.NtpTime;
import com.crosspoint.media.rtcp.ReceiverReport;
import com.crosspoint.media.rtcp.ReceiverStatistics;
import com.crosspoint.media.rtcp.ReportBlock;
import com.crosspoint.media.rtcp.RoundTripTime;
import com.crosspoint.media.rtcp.RtcpCompoundPacket;
import com.crosspoint.media.rtcp.RtcpPacket;
import com.crosspoint.media.rtcp.SdesChunk;
import com.crosspoint.media.rtcp.SdesItem;
import com.crosspoint.media.rtcp.SenderReport;
import com.crosspoint.media.rtcp.SourceDescription;
import com.crosspoint.media.rtp.MalformedRtpException;
import com.crosspoint.media.rtp.PacketClassifier;
import com.crosspoint.media.rtp.PacketKind;
import com.crosspoint.media.rtp.RtpPacket;
import com.crosspoint.media.sdp.Direction;
import com.crosspoint.media.sdp.MediaParameters;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One RTP/RTCP endpoint of one call leg: a local port pair, symmetric RTP towards the peer, a receive path
 * (classify, parse, statistics, DTMF, jitter buffer) on a selector thread and a send path on the pacing clock.
 *
 * <p>Threads: {@code onDatagram} runs on the session's receive thread, {@code tick} on the pacing thread; the
 * receive state they share (statistics, jitter buffer, DTMF receiver, latch) is guarded by one lock, held for
 * microseconds. The setters ({@link #play}, {@link #sink}, {@link #update}, {@link #sendDigits}) may be called
 * from any thread and take effect on the next tick. Bad input is counted and dropped, never thrown.
 */
public final class MediaSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MediaSession.class);
    private static final long MASK32 = 0xFFFF_FFFFL;
    private static final int FRAME = AudioSource.FRAME_SAMPLES;
    private static final int DIGIT_MILLIS = 100;
    private static final int DIGIT_GAP_TICKS = 3;
    private static final int MAX_QUEUED_DIGITS = 64;
    /**
     * How long the latched source must have been quiet before another may take the media over. A phone whose
     * NAT binding changed stops sending from the old address; an attacker spraying RTP at our port while the
     * phone still talks ("RTP bleed") cannot redirect the call's audio to itself.
     */
    static final long RELATCH_QUIET_NANOS = 500_000_000L;

    private final MediaEngine engine;
    private final String label;
    private final SessionListener listener;
    private final DatagramChannel rtp;
    private final DatagramChannel rtcp;
    private final int port;
    private final long ssrc;
    private final String cname;
    private final int relatchPackets;
    private final int rtcpIntervalMillis;
    private final double localDelayMillis;

    private volatile MediaParameters params;
    private final AtomicReference<AudioSource> source = new AtomicReference<>();
    private final AtomicReference<AudioSink> sink = new AtomicReference<>();
    private final ConcurrentLinkedQueue<Character> digits = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CompletableFuture<CallQuality> closedFuture = new CompletableFuture<>();

    // receive state, guarded by rx
    private final Object rx = new Object();
    private final ReceiverStatistics statistics = new ReceiverStatistics();
    private final JitterBuffer jitter;
    private final DtmfReceiver dtmfReceiver = new DtmfReceiver();
    private boolean haveSsrc;
    private long peerSsrc;
    private InetSocketAddress candidate;
    private int candidateCount;
    private volatile InetSocketAddress latchedRtp;
    private volatile InetSocketAddress latchedRtcp;
    private long lastFromLatchedNanos; // guarded by rx
    private volatile Double rttMillis;

    // send state, pacing thread only
    private final short[] txFrame = new short[FRAME];
    private final short[] rxFrame = new short[FRAME];
    private final byte[] encoded = new byte[FRAME];
    private final byte[] rxPayload = new byte[2048]; // receive thread only (one selector owns the session)
    private final ByteBuffer sendBuffer = ByteBuffer.allocateDirect(1500);
    private final DtmfSender dtmfSender = new DtmfSender(DtmfSender.DEFAULT_CLOCK_RATE, 20, DtmfSender.DEFAULT_VOLUME);
    private int sequence;
    private long timestamp;
    private boolean talkspurt = true;
    private long octetsSent;
    private List<DtmfFrame> dtmfFrames;
    private int dtmfIndex;
    private int dtmfElapsed;
    private long dtmfTimestamp;
    private int dtmfGap;
    private long nextRtcpNanos;

    private final AtomicLong framesDue = new AtomicLong();
    private final AtomicLong rtpSent = new AtomicLong();
    private final AtomicLong sendFailures = new AtomicLong();
    private final AtomicLong rtpReceived = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong garbage = new AtomicLong();
    private final AtomicLong unknownPayload = new AtomicLong();
    private final AtomicLong foreignSource = new AtomicLong();
    private final AtomicLong ignoredOnHold = new AtomicLong();
    private final AtomicLong relatches = new AtomicLong();
    private final AtomicLong rtcpSent = new AtomicLong();
    private final AtomicLong rtcpReceived = new AtomicLong();
    private final AtomicLong digitsReceived = new AtomicLong();
    private final AtomicLong ssrcChanges = new AtomicLong();

    MediaSession(MediaEngine engine, SessionRequest request, DatagramChannel rtp, DatagramChannel rtcp, int port,
                 MediaConfig config, long nowNanos) {
        this.engine = engine;
        this.label = request.label();
        this.listener = request.listener();
        this.rtp = rtp;
        this.rtcp = rtcp;
        this.port = port;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        this.ssrc = random.nextLong() & MASK32;
        this.cname = "crosspoint-" + Long.toHexString(ssrc) + "@" + engine.bindAddress().getHostAddress();
        this.sequence = random.nextInt(1 << 16);
        this.timestamp = random.nextLong() & MASK32;
        this.relatchPackets = config.relatchPackets();
        this.rtcpIntervalMillis = config.rtcpIntervalMillis();
        this.jitter = new JitterBuffer(JitterConfig.TELEPHONE.withInitialDepthFrames(config.jitterDepthFrames()));
        this.localDelayMillis = (config.jitterDepthFrames() + 1) * 20.0;
        this.params = request.media();
        this.nextRtcpNanos = nowNanos + rtcpDelayNanos();
    }

    public String label() {
        return label;
    }

    /** Our RTP port (RTCP is the next one). */
    public int localPort() {
        return port;
    }

    /** Our SSRC. */
    public long ssrc() {
        return ssrc;
    }

    /** The negotiated stream, or null before the first {@link #update}. */
    public MediaParameters parameters() {
        return params;
    }

    /** Applies a (re-)negotiated stream: codec, payload types, peer address, direction (hold/resume). */
    public void update(MediaParameters media) {
        MediaParameters old = params;
        params = Objects.requireNonNull(media, "media");
        if (old != null && !Objects.equals(old.remoteRtp(), media.remoteRtp())) {
            latchedRtp = null; // the peer moved (re-INVITE): latch afresh
            latchedRtcp = null;
        }
    }

    /** What the session sends from the next tick on; null for comfort silence. Replaces the current source. */
    public void play(AudioSource audio) {
        source.set(audio);
    }

    /** The source currently playing, or null. */
    public AudioSource playing() {
        return source.get();
    }

    /** Where decoded received audio goes, one frame per tick; null for nowhere. The old sink is detached. */
    public void sink(AudioSink audio) {
        AudioSink old = sink.getAndSet(audio);
        if (old != null && old != audio) {
            old.detached();
        }
    }

    /**
     * Queues key presses to send as RFC 4733 events (100 ms each, 60 ms apart), instead of audio while they last.
     *
     * @return false when the peer negotiated no telephone-event (nothing is queued)
     * @throws IllegalArgumentException for a character that is no DTMF key
     */
    public boolean sendDigits(String keys) {
        for (char c : keys.toCharArray()) {
            if (DtmfSymbols.toEvent(c).isEmpty()) {
                throw new IllegalArgumentException("not a DTMF key: " + c);
            }
        }
        MediaParameters m = params;
        if (m == null || !m.hasTelephoneEvent() || digits.size() + keys.length() > MAX_QUEUED_DIGITS) {
            return false;
        }
        for (char c : keys.toCharArray()) {
            digits.add(c);
        }
        return true;
    }

    /** Where RTP goes now: the latched source, else the address from SDP; null when neither. */
    public InetSocketAddress sendTarget() {
        InetSocketAddress latched = latchedRtp;
        if (latched != null) {
            return latched;
        }
        MediaParameters m = params;
        return m == null ? null : m.remoteRtp();
    }

    /** Quality of what we received so far (loss, jitter, RTT from RTCP, MOS). */
    public CallQuality quality() {
        long received;
        long expected;
        double jitterMillis;
        synchronized (rx) {
            received = statistics.received();
            expected = statistics.expected();
            jitterMillis = statistics.jitterMillis(8000);
        }
        return CallQuality.assess(received, expected, jitterMillis, rttMillis, localDelayMillis, EModel.G711_PLC);
    }

    public SessionStats stats() {
        return new SessionStats(framesDue.get(), rtpSent.get(), sendFailures.get(), rtpReceived.get(),
                malformed.get(), garbage.get(), unknownPayload.get(), foreignSource.get(), ignoredOnHold.get(),
                relatches.get(), rtcpSent.get(), rtcpReceived.get(), digitsReceived.get(), ssrcChanges.get());
    }

    /** Completes with the final quality when the session closes. */
    public CompletableFuture<CallQuality> closed() {
        return closedFuture;
    }

    public boolean isClosed() {
        return closed.get();
    }

    /** Sends RTCP BYE, releases the ports, detaches the sink and completes {@link #closed()}; idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        engine.detach(this);
        try {
            sendRtcp(true);
        } catch (RuntimeException e) {
            LOG.debug("{}: BYE not sent", label, e);
        }
        engine.retire(this);
        AudioSink s = sink.getAndSet(null);
        if (s != null) {
            s.detached();
        }
        List<DigitEvent> pending;
        synchronized (rx) {
            pending = dtmfReceiver.flush();
        }
        pending.forEach(this::reportDigit);
        CallQuality q = quality();
        try {
            listener.onClosed(q);
        } finally {
            closedFuture.complete(q);
        }
    }

    // ---------------------------------------------------------------- receive path (selector thread)

    void onDatagram(ByteBuffer datagram, InetSocketAddress from, boolean onRtcpPort, long arrivalNanos) {
        if (closed.get()) {
            return;
        }
        PacketKind kind = PacketClassifier.classify(datagram);
        if (kind == PacketKind.RTCP) {
            onRtcp(datagram, from);
            return;
        }
        if (kind != PacketKind.RTP || onRtcpPort) {
            garbage.incrementAndGet();
            return;
        }
        // Header fields are read in place; the payload is copied once into a reused array. Packets with
        // padding, an extension or CSRCs go through the full parser (RtpPacket.parse) for validation.
        int length = datagram.remaining();
        int at = datagram.position();
        int flags = length >= RtpPacket.FIXED_HEADER_LENGTH ? datagram.get(at) & 0xFF : 0;
        boolean marker;
        int pt;
        int seq;
        long ts;
        long packetSsrc;
        int payloadOffset;
        int payloadLength;
        byte[] payloadBytes;
        if (length >= RtpPacket.FIXED_HEADER_LENGTH && flags == RtpPacket.VERSION << 6) {
            int second = datagram.get(at + 1) & 0xFF;
            marker = (second & 0x80) != 0;
            pt = second & 0x7F;
            seq = datagram.getShort(at + 2) & 0xFFFF;
            ts = datagram.getInt(at + 4) & MASK32;
            packetSsrc = datagram.getInt(at + 8) & MASK32;
            payloadLength = length - RtpPacket.FIXED_HEADER_LENGTH;
            payloadOffset = 0;
            if (payloadLength > rxPayload.length) {
                unknownPayload.incrementAndGet(); // nothing we negotiate is that large
                return;
            }
            datagram.get(at + RtpPacket.FIXED_HEADER_LENGTH, rxPayload, 0, payloadLength);
            payloadBytes = rxPayload;
        } else {
            RtpPacket packet;
            try {
                packet = RtpPacket.parse(datagram);
            } catch (MalformedRtpException e) {
                malformed.incrementAndGet();
                return;
            }
            marker = packet.marker();
            pt = packet.payloadType();
            seq = packet.sequenceNumber();
            ts = packet.timestamp();
            packetSsrc = packet.ssrc();
            payloadBytes = packet.payload();
            payloadOffset = 0;
            payloadLength = payloadBytes.length;
        }
        MediaParameters m = params;
        boolean audio = m != null && pt == m.payloadType();
        boolean event = m != null && m.hasTelephoneEvent() && pt == m.telephoneEventPayloadType();
        if (!audio && !event) {
            unknownPayload.incrementAndGet();
            return;
        }
        TelephoneEvent telephoneEvent = null;
        if (event) {
            try {
                telephoneEvent = TelephoneEvent.parse(ByteBuffer.wrap(payloadBytes, payloadOffset, payloadLength));
            } catch (MalformedDtmfException e) {
                malformed.incrementAndGet();
                return;
            }
        }
        InetSocketAddress latchedNow = null;
        List<DigitEvent> found = List.of();
        synchronized (rx) {
            if (latchedRtp == null) {
                latchedRtp = from;
                latchedNow = from;
            } else if (!latchedRtp.equals(from)) {
                if (from.equals(candidate)) {
                    candidateCount++;
                } else {
                    candidate = from;
                    candidateCount = 1;
                }
                if (candidateCount < relatchPackets || arrivalNanos - lastFromLatchedNanos < RELATCH_QUIET_NANOS) {
                    foreignSource.incrementAndGet();
                    return;
                }
                latchedRtp = from;
                latchedNow = from;
                relatches.incrementAndGet();
                candidate = null;
                candidateCount = 0;
            } else {
                candidate = null;
                candidateCount = 0;
            }
            lastFromLatchedNanos = arrivalNanos;
            if (!m.direction().receives()) {
                ignoredOnHold.incrementAndGet();
            } else {
                if (!haveSsrc || packetSsrc != peerSsrc) {
                    if (haveSsrc) {
                        ssrcChanges.incrementAndGet(); // the jitter buffer and statistics restart on their own
                    }
                    haveSsrc = true;
                    peerSsrc = packetSsrc;
                }
                statistics.onRtp(packetSsrc, seq, ts, (arrivalNanos / 125_000L) & MASK32);
                rtpReceived.incrementAndGet();
                if (audio) {
                    jitter.offer(packetSsrc, seq, ts, marker, payloadBytes, payloadOffset, payloadLength, m.codec());
                } else {
                    found = dtmfReceiver.onPacket(ts, marker, telephoneEvent);
                }
            }
        }
        if (latchedNow != null) {
            listener.onLatched(latchedNow);
        }
        found.forEach(this::reportDigit);
    }

    private void reportDigit(DigitEvent digit) {
        digitsReceived.incrementAndGet();
        listener.onDigit(digit);
    }

    private void onRtcp(ByteBuffer datagram, InetSocketAddress from) {
        RtcpCompoundPacket compound;
        try {
            compound = RtcpCompoundPacket.parse(datagram);
        } catch (MalformedRtcpException e) {
            malformed.incrementAndGet();
            return;
        }
        rtcpReceived.incrementAndGet();
        // symmetric RTCP, but only from the host RTP is latched to (or, before that, the host SDP named), so a
        // stray sender cannot take over where our reports go
        InetSocketAddress rtpSource = latchedRtp;
        MediaParameters m = params;
        java.net.InetAddress expectedHost = rtpSource != null ? rtpSource.getAddress()
                : m != null && m.remoteRtp() != null ? m.remoteRtp().getAddress() : null;
        if (from.getAddress().equals(expectedHost)) {
            latchedRtcp = from;
        }
        NtpTime now = ntpNow();
        for (RtcpPacket packet : compound.packets()) {
            List<ReportBlock> blocks = List.of();
            if (packet instanceof SenderReport sr) {
                synchronized (rx) {
                    if (haveSsrc && sr.ssrc() == peerSsrc) {
                        statistics.onSenderReport(sr, now);
                    }
                }
                blocks = sr.reports();
            } else if (packet instanceof ReceiverReport rr) {
                blocks = rr.reports();
            }
            for (ReportBlock block : blocks) {
                if (block.ssrc() == ssrc) {
                    RoundTripTime.of(block, now).ifPresent(d -> rttMillis = d.toNanos() / 1e6);
                }
            }
        }
    }

    // ---------------------------------------------------------------- send path (pacing thread)

    void tick(long nowNanos) {
        if (closed.get()) {
            return;
        }
        FrameKind kind;
        synchronized (rx) {
            kind = jitter.poll(rxFrame);
        }
        AudioSink s = sink.get();
        if (s != null) {
            s.accept(rxFrame, kind);
        }
        MediaParameters m = params;
        if (m != null && m.direction().sends()) {
            InetSocketAddress target = sendTarget();
            if (target != null) {
                framesDue.incrementAndGet();
                sendFrame(m, target);
            }
        } else {
            talkspurt = true;
        }
        timestamp = (timestamp + FRAME) & MASK32;
        if (nowNanos - nextRtcpNanos >= 0) {
            nextRtcpNanos = nowNanos + rtcpDelayNanos();
            sendRtcp(false);
        }
    }

    private void sendFrame(MediaParameters m, InetSocketAddress target) {
        if (dtmfFrames == null && dtmfGap == 0) {
            Character key = digits.poll();
            if (key != null && m.hasTelephoneEvent()) {
                dtmfFrames = dtmfSender.framesFor(key, DIGIT_MILLIS);
                dtmfIndex = 0;
                dtmfElapsed = 0;
                dtmfTimestamp = timestamp;
            }
        }
        if (dtmfFrames != null) {
            DtmfFrame frame = dtmfFrames.get(dtmfIndex);
            if (frame.sendOffset() <= dtmfElapsed) {
                byte[] payload = frame.payload();
                send(target, m.telephoneEventPayloadType(), frame.marker(), dtmfTimestamp, payload, payload.length);
                dtmfIndex++;
            }
            dtmfElapsed += FRAME;
            if (dtmfIndex == dtmfFrames.size()) {
                dtmfFrames = null;
                dtmfGap = DIGIT_GAP_TICKS;
            }
            return;
        }
        if (dtmfGap > 0) {
            dtmfGap--;
        }
        AudioSource src = source.get();
        boolean have = false;
        if (src != null) {
            try {
                have = src.next(txFrame);
            } catch (RuntimeException e) {
                LOG.warn("{}: audio source failed, sending silence", label, e);
            }
            if (!have) {
                source.compareAndSet(src, null);
            }
        }
        if (!have) {
            java.util.Arrays.fill(txFrame, (short) 0); // comfort silence keeps NAT bindings and the far buffer fed
        }
        AudioCodec codec = m.codec();
        int length = codec.encode(txFrame, 0, FRAME, encoded);
        send(target, m.payloadType(), talkspurt, timestamp, encoded, length);
        talkspurt = false;
    }

    /** Writes the 12-byte RTP header (RFC 3550 §5.1, no CSRC/extension/padding) and payload, and sends it. */
    private void send(InetSocketAddress target, int payloadType, boolean marker, long ts, byte[] payload, int length) {
        sendBuffer.clear();
        sendBuffer.put((byte) (RtpPacket.VERSION << 6))
                .put((byte) ((marker ? 0x80 : 0) | payloadType))
                .putShort((short) sequence)
                .putInt((int) ts)
                .putInt((int) ssrc)
                .put(payload, 0, length)
                .flip();
        sequence = (sequence + 1) & 0xFFFF;
        try {
            if (rtp.send(sendBuffer, target) == 0) {
                sendFailures.incrementAndGet();
                return;
            }
            rtpSent.incrementAndGet();
            octetsSent += length;
        } catch (IOException | RuntimeException e) {
            sendFailures.incrementAndGet();
        }
    }

    private void sendRtcp(boolean bye) {
        MediaParameters m = params;
        InetSocketAddress target = latchedRtcp;
        if (target == null && m != null) {
            target = m.remoteRtcp();
        }
        if (target == null) {
            return;
        }
        NtpTime now = ntpNow();
        List<ReportBlock> blocks;
        synchronized (rx) {
            blocks = statistics.received() > 0 ? List.of(statistics.reportBlock(now)) : List.of();
        }
        long sent = rtpSent.get();
        List<RtcpPacket> packets = new ArrayList<>(3);
        packets.add(sent > 0
                ? new SenderReport(ssrc, now, timestamp, sent & MASK32, octetsSent & MASK32, blocks)
                : new ReceiverReport(ssrc, blocks));
        packets.add(new SourceDescription(List.of(new SdesChunk(ssrc, List.of(SdesItem.cname(cname))))));
        if (bye) {
            packets.add(new Goodbye(List.of(ssrc), null));
        }
        try {
            rtcp.send(ByteBuffer.wrap(new RtcpCompoundPacket(packets).toBytes()), target);
            rtcpSent.incrementAndGet();
        } catch (IOException e) {
            LOG.debug("{}: RTCP not sent to {}", label, target, e);
        }
    }

    /** RFC 3550 §6.2, simplified: the configured interval randomised to 0.5..1.5 of itself. */
    private long rtcpDelayNanos() {
        return (long) (rtcpIntervalMillis * 1_000_000L * (0.5 + ThreadLocalRandom.current().nextDouble()));
    }

    private NtpTime ntpNow() {
        Instant now = engine.clock().instant();
        long seconds = (now.getEpochSecond() + NtpTime.UNIX_EPOCH_OFFSET) & MASK32;
        long fraction = ((long) now.getNano() << 32) / 1_000_000_000L;
        return new NtpTime(seconds, fraction);
    }

    DatagramChannel rtpChannel() {
        return rtp;
    }

    DatagramChannel rtcpChannel() {
        return rtcp;
    }

    Direction direction() {
        MediaParameters m = params;
        return m == null ? Direction.INACTIVE : m.direction();
    }

    @Override
    public String toString() {
        return "MediaSession[" + label + " port " + port + "]";
    }
}
