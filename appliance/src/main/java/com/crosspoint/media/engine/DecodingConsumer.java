package com.crosspoint.media.engine;

import com.crosspoint.media.jitter.FrameKind;
import com.crosspoint.media.jitter.JitterBuffer;
import com.crosspoint.media.jitter.JitterConfig;
import com.crosspoint.media.sdp.MediaParameters;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A session's {@link RtpConsumer}: audio of the negotiated payload type goes into the jitter buffer,
 * telephone-events to the {@link DtmfPath}; each pacing tick, {@link #playOut()} passes the jitter buffer's next
 * frame (played, concealed or silence) to the sink. The jitter buffer is offered to on the receive thread and
 * polled on the pacing thread under one lock, held for microseconds.
 */
final class DecodingConsumer implements RtpConsumer {
    private final DtmfPath dtmf;
    private final Object lock = new Object();
    private final JitterBuffer jitter;
    private final AtomicReference<AudioSink> sink = new AtomicReference<>();
    private final short[] frame = new short[AudioSource.FRAME_SAMPLES]; // pacing thread only

    DecodingConsumer(int jitterDepthFrames, DtmfPath dtmf) {
        this.dtmf = Objects.requireNonNull(dtmf, "dtmf");
        this.jitter = new JitterBuffer(JitterConfig.TELEPHONE.withInitialDepthFrames(jitterDepthFrames));
    }

    @Override
    public Admission admit(ReceivedRtp packet, MediaParameters stream) {
        int pt = packet.payloadType();
        if (stream.hasTelephoneEvent() && pt == stream.telephoneEventPayloadType()) {
            return dtmf.admit(packet) ? Admission.ACCEPT : Admission.MALFORMED;
        }
        return pt == stream.payloadType() ? Admission.ACCEPT : Admission.UNKNOWN_PAYLOAD;
    }

    @Override
    public void accept(ReceivedRtp packet, MediaParameters stream) {
        if (packet.payloadType() != stream.payloadType()) {
            dtmf.accept(packet);
            return;
        }
        synchronized (lock) {
            jitter.offer(packet.ssrc(), packet.sequence(), packet.timestamp(), packet.marker(), packet.payload(), 0,
                    packet.payloadLength(), stream.codec());
        }
    }

    /** Pacing thread: the next 20 ms of received audio to the sink, if there is one. */
    void playOut() {
        FrameKind kind;
        synchronized (lock) {
            kind = jitter.poll(frame);
        }
        AudioSink s = sink.get();
        if (s != null) {
            s.accept(frame, kind);
        }
    }

    /** Replaces the sink; the old one is told it is detached. */
    void sink(AudioSink audio) {
        AudioSink old = sink.getAndSet(audio);
        if (old != null && old != audio) {
            old.detached();
        }
    }
}
