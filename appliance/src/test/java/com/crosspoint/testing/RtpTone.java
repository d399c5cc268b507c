package com.crosspoint.testing;

import com.crosspoint.media.codec.G711Ulaw;
import java.nio.ByteBuffer;

/** The test callers' microphone: a 1 kHz sine at -6 dBFS as G.711 µ-law RTP (PT 0), 20 ms a packet. */
public final class RtpTone {
    public static final int HZ = 1000;
    public static final int SAMPLES_PER_FRAME = 160;
    public static final int PACKET_BYTES = 12 + SAMPLES_PER_FRAME;
    /** 8 samples a period at 8 kHz, so every frame is the same. */
    private static final byte[] FRAME = frame();

    private RtpTone() {
    }

    /** Writes one RTP packet (header and the tone frame) at the buffer's position. */
    public static ByteBuffer put(ByteBuffer into, boolean marker, int seq, int timestamp, int ssrc) {
        return into.put((byte) 0x80).put((byte) (marker ? 0x80 : 0x00)) // V=2; PT 0 (PCMU)
                .putShort((short) seq).putInt(timestamp).putInt(ssrc).put(FRAME);
    }

    private static byte[] frame() {
        byte[] frame = new byte[SAMPLES_PER_FRAME];
        for (int i = 0; i < frame.length; i++) {
            frame[i] = G711Ulaw.encodeSample((int) Math.round(16000 * Math.sin(2 * Math.PI * HZ * i / 8000.0)));
        }
        return frame;
    }
}
