package com.crosspoint.media.engine;

import com.crosspoint.media.quality.CallQuality;
import com.crosspoint.media.sdp.Direction;
import com.crosspoint.media.sdp.MediaParameters;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One RTP/RTCP endpoint of one call leg: a local port pair and symmetric RTP towards the peer. It composes the
 * paths that do the work: {@link LatchingReceiver} (classify, latch, statistics) feeding a
 * {@link DecodingConsumer} (jitter buffer, and DTMF through the {@link DtmfPath}) on the receive thread;
 * {@link RtpSender} and {@link RtcpReporter} on the pacing clock.
 *
 * <p>Threads: {@code onDatagram} runs on the session's receive thread, {@code tick} on the pacing thread; each
 * path guards what both touch with its own lock, held for microseconds. The setters ({@link #play},
 * {@link #sink}, {@link #update}, {@link #sendDigits}) may be called from any thread and take effect on the next
 * tick. Bad input is counted and dropped, never thrown.
 */
public final class MediaSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MediaSession.class);

    private final MediaEngine engine;
    private final int phase;
    private final String label;
    private final SessionListener listener;
    private final DatagramChannel rtp;
    private final DatagramChannel rtcp;
    private final int port;
    private final double localDelayMillis;
    private final SignalledLatch policy;
    private final SourceLatch latch;
    private final DtmfPath dtmf;
    private final DecodingConsumer decoder;
    private final RtpSender sender;
    private final LatchingReceiver receiver;
    private final RtcpReporter reporter;

    private volatile MediaParameters params;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CompletableFuture<CallQuality> closedFuture = new CompletableFuture<>();

    MediaSession(MediaEngine engine, SessionRequest request, DatagramChannel rtp, DatagramChannel rtcp, int port,
                 MediaConfig config, int phase) {
        this.engine = engine;
        this.phase = phase;
        this.label = request.label();
        this.listener = request.listener();
        this.rtp = rtp;
        this.rtcp = rtcp;
        this.port = port;
        this.localDelayMillis = (config.jitterDepthFrames() + 1) * 20.0;
        this.params = request.media();
        this.policy = new SignalledLatch(request.peer(), config.relatchPackets());
        this.latch = new SourceLatch(policy);
        this.dtmf = new DtmfPath(listener::onDigit);
        this.decoder = new DecodingConsumer(config.jitterDepthFrames(), dtmf);
        this.sender = new RtpSender(label, rtp, latch, dtmf);
        this.receiver = new LatchingReceiver(latch, decoder, this::onRtcp, listener::onLatched);
        this.reporter = new RtcpReporter(label, rtcp, receiver, sender, engine);
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
        return sender.ssrc();
    }

    /** The negotiated stream, or null before the first {@link #update}. */
    public MediaParameters parameters() {
        return params;
    }

    /**
     * Applies a (re-)negotiated stream (codec, payload types, peer address, direction: hold/resume) and what the
     * peer's signalling says about where its RTP comes from.
     */
    public void update(MediaParameters media, SignalledPeer peer) {
        Objects.requireNonNull(media, "media");
        boolean peerChanged = policy.peer(peer);
        MediaParameters old = params;
        params = media;
        if (peerChanged || old != null && !Objects.equals(old.remoteRtp(), media.remoteRtp())) {
            latch.reset(); // the peer moved (re-INVITE) or its signalling changed: latch afresh
            reporter.reset();
        }
    }

    /** Applies a (re-)negotiated stream; where the peer's RTP may come from stays as it was. */
    public void update(MediaParameters media) {
        update(media, policy.peer());
    }

    /** What the signalling last said about the peer. */
    public SignalledPeer peer() {
        return policy.peer();
    }

    /** What the session sends from the next tick on; null for comfort silence. Replaces the current source. */
    public void play(AudioSource audio) {
        sender.play(audio);
    }

    /** The source currently playing, or null. */
    public AudioSource playing() {
        return sender.playing();
    }

    /** Where decoded received audio goes, one frame per tick; null for nowhere. The old sink is detached. */
    public void sink(AudioSink audio) {
        decoder.sink(audio);
    }

    /**
     * Queues key presses to send as RFC 4733 events (100 ms each, 60 ms apart), instead of audio while they last.
     *
     * @return false when the peer negotiated no telephone-event (nothing is queued)
     * @throws IllegalArgumentException for a character that is no DTMF key
     */
    public boolean sendDigits(String keys) {
        return dtmf.offer(keys, params);
    }

    /** Where RTP goes now: the latched source, else the address from SDP; null when neither. */
    public InetSocketAddress sendTarget() {
        return sender.target(params);
    }

    /** Quality of what we received so far (loss, jitter, RTT from RTCP, MOS). */
    public CallQuality quality() {
        return receiver.quality(reporter.rttMillis(), localDelayMillis);
    }

    public SessionStats stats() {
        return new SessionStats(sender.framesDue(), sender.packetsSent(), sender.sendFailures(), receiver.received(),
                receiver.malformed() + reporter.malformed(), receiver.garbage(), receiver.unknownPayload(),
                latch.foreignPackets(), receiver.ignoredOnHold(), latch.relatches(), reporter.sent(),
                reporter.received(), dtmf.digitsReceived(), receiver.ssrcChanges());
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
            reporter.send(true, params);
        } catch (RuntimeException e) {
            LOG.debug("{}: BYE not sent", label, e);
        }
        engine.retire(this);
        decoder.sink(null);
        dtmf.flush();
        long foreign = latch.foreignPackets();
        if (foreign > 0) {
            LOG.info("{}: dropped {} RTP packets from sources other than the peer's (probing or spraying our RTP"
                    + " ports, or a peer not sending from where its signalling said)", label, foreign);
        }
        CallQuality q = quality();
        try {
            listener.onClosed(q);
        } finally {
            closedFuture.complete(q);
        }
    }

    /** Receive thread: one datagram from either of our ports. */
    void onDatagram(ByteBuffer datagram, InetSocketAddress from, boolean onRtcpPort, long arrivalNanos) {
        if (closed.get()) {
            return;
        }
        receiver.onDatagram(datagram, from, onRtcpPort, arrivalNanos, params);
    }

    // the reporter needs the receiver's statistics, so the receiver reaches it through here
    private void onRtcp(ByteBuffer datagram, InetSocketAddress from, MediaParameters stream) {
        reporter.onRtcp(datagram, from, stream);
    }

    /** Pacing thread: play out a received frame, send one, and RTCP when due. */
    void tick(long nowNanos) {
        if (closed.get()) {
            return;
        }
        decoder.playOut();
        MediaParameters m = params;
        sender.tick(m);
        reporter.tick(nowNanos, m);
    }

    /** The part of the 20 ms period this session is sent in ({@link PacingPhases}). */
    int phase() {
        return phase;
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
