package com.crosspoint.media.codec;

import java.util.Objects;

/**
 * ITU-T G.711 A-law (PCMA, RTP payload type 8), after the classic Sun {@code g711.c}: 13-bit magnitude,
 * even bits inverted (XOR 0x55). Decoding is one table lookup; encoding finds the segment from the highest set bit.
 */
public final class G711Alaw implements AudioCodec {
    public static final G711Alaw INSTANCE = new G711Alaw();

    private static final short[] DECODE = new short[256];

    static {
        for (int code = 0; code < 256; code++) {
            DECODE[code] = decodeSlow(code);
        }
    }

    private G711Alaw() {
    }

    /** The textbook expansion, run once per code to fill the table. */
    private static short decodeSlow(int code) {
        int a = (code ^ 0x55) & 0xFF;
        int t = (a & 0x0F) << 4;
        int segment = (a & 0x70) >> 4;
        if (segment == 0) {
            t += 8;
        } else {
            t += 0x108;
            t <<= segment - 1;
        }
        return (short) ((a & 0x80) != 0 ? t : -t);
    }

    /** One linear sample to its A-law code. */
    public static byte encodeSample(int sample) {
        int magnitude = sample >> 3; // A-law works on 13 bits
        int mask;
        if (magnitude >= 0) {
            mask = 0xD5; // sign bit set for positive, then the even-bit inversion
        } else {
            mask = 0x55;
            magnitude = -magnitude - 1; // one's complement keeps -1 next to 0, as g711.c does
        }
        if (magnitude > 0xFFF) {
            magnitude = 0xFFF; // only reachable for out-of-range ints; shorts never get here
        }
        int code;
        if (magnitude < 0x20) {
            // segments 0 and 1 share the step size; segment 0 covers [0, 0x1F]
            code = magnitude >> 1;
        } else {
            int segment = 27 - Integer.numberOfLeadingZeros(magnitude); // top bit 5..11 -> 1..7
            code = (segment << 4) | ((magnitude >> segment) & 0x0F);
        }
        return (byte) (code ^ mask);
    }

    /** One A-law code to its linear sample. */
    public static short decodeSample(byte code) {
        return DECODE[code & 0xFF];
    }

    @Override
    public String name() {
        return "PCMA";
    }

    @Override
    public int payloadType() {
        return 8;
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
        return "PCMA/8000";
    }
}
