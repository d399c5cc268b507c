package com.crosspoint.media.engine;

import com.crosspoint.media.dtmf.DtmfFrame;
import com.crosspoint.media.rtp.RtpPacket;
import com.crosspoint.media.sdp.MediaParameters;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The send path, on the pacing thread: on each tick the stream sends, a key press's telephone-event packet or
 * else the source's next 20 ms (comfort silence without one), G.711-encoded and packetised with our SSRC,
 * sequence number and timestamp into one reused direct buffer, to the latched source or else the SDP address.
 * {@link #play} may be called from any thread; the rest of the state belongs to the pacing thread.
 */
final class RtpSender {
    private static final Logger LOG = LoggerFactory.getLogger(RtpSender.class);
    private static final long MASK32 = 0xFFFF_FFFFL;
    private static final int FRAME = AudioSource.FRAME_SAMPLES;

    private final String label;
    private final DatagramChannel channel;
    private final SourceLatch latch;
    private final DtmfPath dtmf;
    private final long ssrc;
    private final AtomicReference<AudioSource> source = new AtomicReference<>();
    private final short[] pcm = new short[FRAME];
    private final byte[] encoded = new byte[FRAME];
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(1500);
    private int sequence;
    private long timestamp;
    private boolean talkspurt = true;
    private long octetsSent;

    private final AtomicLong framesDue = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    /** Random SSRC, first sequence number and first timestamp (RFC 3550 §5.1). */
    RtpSender(String label, DatagramChannel channel, SourceLatch latch, DtmfPath dtmf) {
        this.label = label;
        this.channel = Objects.requireNonNull(channel, "channel");
        this.latch = Objects.requireNonNull(latch, "latch");
        this.dtmf = Objects.requireNonNull(dtmf, "dtmf");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        this.ssrc = random.nextLong() & MASK32;
        this.sequence = random.nextInt(1 << 16);
        this.timestamp = random.nextLong() & MASK32;
    }

    long ssrc() {
        return ssrc;
    }

    void play(AudioSource audio) {
        source.set(audio);
    }

    AudioSource playing() {
        return source.get();
    }

    /** Where RTP goes now: the latched source, else the stream's address from SDP; null when neither. */
    InetSocketAddress target(MediaParameters stream) {
        InetSocketAddress latched = latch.source();
        if (latched != null) {
            return latched;
        }
        return stream == null ? null : stream.remoteRtp();
    }

    /** One 20 ms tick: sends if the stream sends to somewhere; the RTP clock runs on either way. */
    void tick(MediaParameters stream) {
        if (stream != null && stream.direction().sends()) {
            InetSocketAddress target = target(stream);
            if (target != null) {
                framesDue.incrementAndGet();
                sendFrame(stream, target);
            }
        } else {
            talkspurt = true; // what comes after a pause starts a talkspurt (RFC 3551 §4.1)
        }
        timestamp = (timestamp + FRAME) & MASK32;
    }

    private void sendFrame(MediaParameters stream, InetSocketAddress target) {
        if (dtmf.takesTick(timestamp, stream)) {
            DtmfFrame frame = dtmf.nextFrame();
            if (frame != null) {
                byte[] payload = frame.payload();
                send(target, stream.telephoneEventPayloadType(), frame.marker(), dtmf.pressTimestamp(), payload,
                        payload.length);
            }
            return;
        }
        AudioSource src = source.get();
        boolean have = false;
        if (src != null) {
            try {
                have = src.next(pcm);
            } catch (RuntimeException e) {
                LOG.warn("{}: audio source failed, sending silence", label, e);
            }
            if (!have) {
                source.compareAndSet(src, null);
            }
        }
        if (!have) {
            Arrays.fill(pcm, (short) 0); // comfort silence keeps NAT bindings and the far buffer fed
        }
        int length = stream.codec().encode(pcm, 0, FRAME, encoded);
        send(target, stream.payloadType(), talkspurt, timestamp, encoded, length);
        talkspurt = false;
    }

    /** Writes the 12-byte RTP header (RFC 3550 §5.1, no CSRC/extension/padding) and payload, and sends it. */
    private void send(InetSocketAddress target, int payloadType, boolean marker, long ts, byte[] payload, int length) {
        buffer.clear();
        buffer.put((byte) (RtpPacket.VERSION << 6))
                .put((byte) ((marker ? 0x80 : 0) | payloadType))
                .putShort((short) sequence)
                .putInt((int) ts)
                .putInt((int) ssrc)
                .put(payload, 0, length)
                .flip();
        sequence = (sequence + 1) & 0xFFFF;
        try {
            if (channel.send(buffer, target) == 0) {
                failures.incrementAndGet();
                return;
            }
            sent.incrementAndGet();
            octetsSent += length;
        } catch (IOException | RuntimeException e) {
            failures.incrementAndGet();
        }
    }

    /** The RTP timestamp of the next tick (for a sender report). */
    long timestamp() {
        return timestamp;
    }

    /** Payload octets sent (for a sender report). */
    long octetsSent() {
        return octetsSent;
    }

    /** Ticks on which the stream was due to send (sending, and a target known). */
    long framesDue() {
        return framesDue.get();
    }

    /** RTP packets sent, audio and telephone-event. */
    long packetsSent() {
        return sent.get();
    }

    /** Packets the socket refused or failed to send. */
    long sendFailures() {
        return failures.get();
    }
}
