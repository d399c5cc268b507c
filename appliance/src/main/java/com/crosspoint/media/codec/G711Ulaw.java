package com.crosspoint.media.codec;

import java.util.Objects;

/**
 * ITU-T G.711 µ-law (PCMU, RTP payload type 0), after the classic Sun {@code g711.c}: bias 0x84, clip 32635.
 * Decoding is one table lookup; encoding finds the segment from the highest set bit instead of searching.
 */
public final class G711Ulaw implements AudioCodec {
    public static final G711Ulaw INSTANCE = new G711Ulaw();

    private static final int BIAS = 0x84;
    private static final int CLIP = 32635;
    private static final short[] DECODE = new short[256];

    static {
        for (int code = 0; code < 256; code++) {
            DECODE[code] = decodeSlow(code);
        }
    }

    private G711Ulaw() {
    }

    /** The textbook expansion, run once per code to fill the table. */
    private static short decodeSlow(int code) {
        int u = ~code & 0xFF;
        int t = ((u & 0x0F) << 3) + BIAS;
        t <<= (u & 0x70) >> 4;
        return (short) ((u & 0x80) != 0 ? BIAS - t : t - BIAS);
    }

    /** One linear sample to its µ-law code. */
    public static byte encodeSample(int sample) {
        int sign = 0;
        int magnitude = sample;
        if (magnitude < 0) {
            sign = 0x80;
            magnitude = -magnitude;
        }
        if (magnitude > CLIP) {
            magnitude = CLIP;
        }
        magnitude += BIAS;
        // the biased magnitude is in [0x84, 0x7FFF], so its top bit is bit 7..14: segment 0..7
        int segment = 24 - Integer.numberOfLeadingZeros(magnitude);
        int mantissa = (magnitude >> (segment + 3)) & 0x0F;
        return (byte) ~(sign | (segment << 4) | mantissa);
    }

    /** One µ-law code to its linear sample. */
    public static short decodeSample(byte code) {
        return DECODE[code & 0xFF];
    }

    @Override
    public String name() {
        return "PCMU";
    }

    @Override
    public int payloadType() {
        return 0;
    }

    @Override
    public int clockRate() {
        return 8000;
    }

    @Override
    public int encode(short[] pcm, int off, int len, byte[] out) {
        Objects.checkFromIndexSize(off, len, pcm.length);
        Objects.checkFromIndexSize(0, len, out.length);
        for (int i = 0; i < len; i++) {
            out[i] = encodeSample(pcm[off + i]);
        }
        return len;
    }

    @Override
    public int decode(byte[] payload, int off, int len, short[] out) {
        Objects.checkFromIndexSize(off, len, payload.length);
        Objects.checkFromIndexSize(0, len, out.length);
        for (int i = 0; i < len; i++) {
            out[i] = DECODE[payload[off + i] & 0xFF];
        }
        return len;
    }

    @Override
    public String toString() {
        return "PCMU/8000";
    }
}
