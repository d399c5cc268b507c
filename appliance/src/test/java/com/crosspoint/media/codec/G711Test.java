package com.crosspoint.media.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class G711Test {

    // ---- µ-law ----

    @Test
    void ulawKnownEncodings() {
        // hand-worked from the segment table: 0 -> biased 0x84, segment 0, mantissa 0, inverted -> 0xFF
        assertThat(u(0)).isEqualTo(0xFF);
        // -1 -> sign 0x80, biased 0x85 -> segment 0, mantissa 0 -> ~0x80 = 0x7F ("negative zero")
        assertThat(u(-1)).isEqualTo(0x7F);
        assertThat(u(32767)).isEqualTo(0x80);
        assertThat(u(-32768)).isEqualTo(0x00);
        // 1000 + 132 = 1132 = 0b100_0110_1100: segment 3, mantissa (1132 >> 6) & 15 = 1 -> ~0x31 = 0xCE
        assertThat(u(1000)).isEqualTo(0xCE);
        assertThat(u(-1000)).isEqualTo(0x4E);
        // clip: anything above 32635 is coded as 32635
        assertThat(u(32636)).isEqualTo(u(32635));
    }

    @Test
    void ulawKnownDecodings() {
        assertThat(G711Ulaw.decodeSample((byte) 0xFF)).isEqualTo((short) 0);
        assertThat(G711Ulaw.decodeSample((byte) 0x7F)).isEqualTo((short) 0);
        assertThat(G711Ulaw.decodeSample((byte) 0x80)).isEqualTo((short) 32124);
        assertThat(G711Ulaw.decodeSample((byte) 0x00)).isEqualTo((short) -32124);
        assertThat(G711Ulaw.decodeSample((byte) 0xCE)).isEqualTo((short) 988);
        assertThat(G711Ulaw.decodeSample((byte) 0xFE)).isEqualTo((short) 8);
        assertThat(G711Ulaw.decodeSample((byte) 0x7E)).isEqualTo((short) -8);
    }

    @Test
    void ulawDecodeTableIsAntisymmetricAndMonotonic() {
        for (int code = 0; code < 256; code++) {
            assertThat(G711Ulaw.decodeSample((byte) code)).as("code %02x", code)
                    .isEqualTo((short) -G711Ulaw.decodeSample((byte) (code ^ 0x80)));
        }
        // positive half: 0x80 is the largest, 0xFF zero; values fall strictly as the code rises
        for (int code = 0x80; code < 0xFF; code++) {
            assertThat(G711Ulaw.decodeSample((byte) code)).isGreaterThan(G711Ulaw.decodeSample((byte) (code + 1)));
        }
    }

    @Test
    void ulawEveryCodeRoundTripsExceptNegativeZero() {
        for (int code = 0; code < 256; code++) {
            int expected = code == 0x7F ? 0xFF : code;
            assertThat(u(G711Ulaw.decodeSample((byte) code))).as("code %02x", code).isEqualTo(expected);
        }
    }

    @Test
    void ulawMatchesTheReferenceForEverySample() {
        for (int s = Short.MIN_VALUE; s <= Short.MAX_VALUE; s++) {
            assertThat(G711Ulaw.encodeSample(s)).as("sample %d", s).isEqualTo(sunLinearToUlaw(s));
        }
        for (int code = 0; code < 256; code++) {
            assertThat(G711Ulaw.decodeSample((byte) code)).isEqualTo(sunUlawToLinear(code));
        }
    }

    @Test
    void ulawErrorIsAtMostHalfAStepPerSegment() {
        for (int s = -CLIP; s <= CLIP; s++) {
            int decoded = G711Ulaw.decodeSample(G711Ulaw.encodeSample(s));
            int biased = Math.abs(s) + 0x84;
            int segment = 31 - Integer.numberOfLeadingZeros(biased) - 7;
            int step = 1 << (segment + 3);
            assertThat(Math.abs(decoded - s)).as("sample %d segment %d", s, segment).isLessThanOrEqualTo(step / 2);
        }
        // beyond the clip the error grows, but never past the clip distance plus half the top step
        assertThat(Math.abs(G711Ulaw.decodeSample(G711Ulaw.encodeSample(32767)) - 32767)).isEqualTo(643);
    }

    // ---- A-law ----

    @Test
    void alawKnownEncodings() {
        assertThat(a(0)).isEqualTo(0xD5);
        assertThat(a(-1)).isEqualTo(0x55);
        assertThat(a(32767)).isEqualTo(0xAA);
        assertThat(a(-32768)).isEqualTo(0x2A);
        // 1000 >> 3 = 125: segment 2, mantissa (125 >> 2) & 15 = 15 -> 0x2F ^ 0xD5 = 0xFA
        assertThat(a(1000)).isEqualTo(0xFA);
        assertThat(a(-1000)).isEqualTo(0x7A);
    }

    @Test
    void alawKnownDecodings() {
        assertThat(G711Alaw.decodeSample((byte) 0xD5)).isEqualTo((short) 8);
        assertThat(G711Alaw.decodeSample((byte) 0x55)).isEqualTo((short) -8);
        assertThat(G711Alaw.decodeSample((byte) 0xAA)).isEqualTo((short) 32256);
        assertThat(G711Alaw.decodeSample((byte) 0x2A)).isEqualTo((short) -32256);
        assertThat(G711Alaw.decodeSample((byte) 0xFA)).isEqualTo((short) 1008);
    }

    @Test
    void alawDecodeTableIsAntisymmetricWithNoZero() {
        for (int code = 0; code < 256; code++) {
            short value = G711Alaw.decodeSample((byte) code);
            assertThat(value).as("code %02x", code).isNotZero()
                    .isEqualTo((short) -G711Alaw.decodeSample((byte) (code ^ 0x80)));
        }
    }

    @Test
    void alawEveryCodeRoundTrips() {
        for (int code = 0; code < 256; code++) {
            assertThat(a(G711Alaw.decodeSample((byte) code))).as("code %02x", code).isEqualTo(code);
        }
    }

    @Test
    void alawMatchesTheReferenceForEverySample() {
        for (int s = Short.MIN_VALUE; s <= Short.MAX_VALUE; s++) {
            assertThat(G711Alaw.encodeSample(s)).as("sample %d", s).isEqualTo(sunLinearToAlaw(s));
        }
        for (int code = 0; code < 256; code++) {
            assertThat(G711Alaw.decodeSample((byte) code)).isEqualTo(sunAlawToLinear(code));
        }
    }

    @Test
    void alawErrorIsAtMostHalfAStepPerSegment() {
        for (int s = Short.MIN_VALUE; s <= Short.MAX_VALUE; s++) {
            int decoded = G711Alaw.decodeSample(G711Alaw.encodeSample(s));
            int magnitude = s >= 0 ? s : -s - 1;
            int segment = Math.max(0, 31 - Integer.numberOfLeadingZeros(magnitude | 1) - 7);
            int step = segment == 0 ? 16 : 1 << (segment + 3);
            assertThat(Math.abs(decoded - s)).as("sample %d segment %d", s, segment).isLessThanOrEqualTo(step / 2);
        }
    }

    // ---- the interface and lookup ----

    @Test
    void bufferCodingMatchesSampleCoding() {
        short[] pcm = {0, -1, 1000, -1000, 32767, -32768, 123, 4567};
        byte[] bytes = new byte[6];
        short[] back = new short[6];
        for (AudioCodec codec : Codecs.all()) {
            assertThat(codec.encode(pcm, 2, 6, bytes)).isEqualTo(6);
            assertThat(codec.decode(bytes, 1, 5, back)).isEqualTo(5);
            for (int i = 0; i < 6; i++) {
                byte expected = codec == G711Ulaw.INSTANCE ? G711Ulaw.encodeSample(pcm[2 + i])
                        : G711Alaw.encodeSample(pcm[2 + i]);
                assertThat(bytes[i]).isEqualTo(expected);
            }
            for (int i = 0; i < 5; i++) {
                short expected = codec == G711Ulaw.INSTANCE ? G711Ulaw.decodeSample(bytes[1 + i])
                        : G711Alaw.decodeSample(bytes[1 + i]);
                assertThat(back[i]).isEqualTo(expected);
            }
            assertThatThrownBy(() -> codec.encode(pcm, 4, 6, bytes)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> codec.decode(bytes, 0, 7, back)).isInstanceOf(IndexOutOfBoundsException.class);
        }
    }

    @Test
    void lookupByPayloadTypeAndName() {
        assertThat(Codecs.byPayloadType(0)).containsSame(G711Ulaw.INSTANCE);
        assertThat(Codecs.byPayloadType(8)).containsSame(G711Alaw.INSTANCE);
        assertThat(Codecs.byPayloadType(18)).isEmpty();
        assertThat(Codecs.byName("PCMU")).containsSame(G711Ulaw.INSTANCE);
        assertThat(Codecs.byName("pcma")).containsSame(G711Alaw.INSTANCE);
        assertThat(Codecs.byName("Pcmu", 8000)).containsSame(G711Ulaw.INSTANCE);
        assertThat(Codecs.byName("PCMU", 16000)).isEmpty();
        assertThat(Codecs.byName("G729")).isEmpty();
        assertThat(Codecs.byName(null)).isEmpty();
        assertThat(G711Ulaw.INSTANCE.clockRate()).isEqualTo(8000);
        assertThat(G711Alaw.INSTANCE.clockRate()).isEqualTo(8000);
        assertThat(G711Ulaw.INSTANCE.payloadType()).isZero();
        assertThat(G711Alaw.INSTANCE.payloadType()).isEqualTo(8);
    }

    // ---- helpers and the reference: a straight port of Sun's g711.c, segment search and all ----

    private static final int CLIP = 32635;

    private static int u(int sample) {
        return G711Ulaw.encodeSample(sample) & 0xFF;
    }

    private static int a(int sample) {
        return G711Alaw.encodeSample(sample) & 0xFF;
    }

    private static final int[] SEG_END = {0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF, 0x1FFF, 0x3FFF, 0x7FFF};
    private static final int[] SEG_AEND = {0x1F, 0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF};

    private static int search(int value, int[] table) {
        for (int i = 0; i < table.length; i++) {
            if (value <= table[i]) {
                return i;
            }
        }
        return table.length;
    }

    private static byte sunLinearToUlaw(int pcm) {
        int mask;
        if (pcm < 0) {
            pcm = -pcm;
            mask = 0x7F;
        } else {
            mask = 0xFF;
        }
        if (pcm > CLIP) {
            pcm = CLIP;
        }
        pcm += 0x84;
        int seg = search(pcm, SEG_END);
        if (seg >= 8) {
            return (byte) (0x7F ^ mask);
        }
        return (byte) (((seg << 4) | ((pcm >> (seg + 3)) & 0xF)) ^ mask);
    }

    private static short sunUlawToLinear(int u) {
        u = ~u & 0xFF;
        int t = ((u & 0x0F) << 3) + 0x84;
        t <<= (u & 0x70) >> 4;
        return (short) ((u & 0x80) != 0 ? 0x84 - t : t - 0x84);
    }

    private static byte sunLinearToAlaw(int pcm) {
        pcm >>= 3;
        int mask;
        if (pcm >= 0) {
            mask = 0xD5;
        } else {
            mask = 0x55;
            pcm = -pcm - 1;
        }
        int seg = search(pcm, SEG_AEND);
        if (seg >= 8) {
            return (byte) (0x7F ^ mask);
        }
        int aval = seg << 4;
        aval |= seg < 2 ? (pcm >> 1) & 0xF : (pcm >> seg) & 0xF;
        return (byte) (aval ^ mask);
    }

    private static short sunAlawToLinear(int a) {
        a ^= 0x55;
        int t = (a & 0xF) << 4;
        int seg = (a & 0x70) >> 4;
        switch (seg) {
            case 0 -> t += 8;
            case 1 -> t += 0x108;
            default -> {
                t += 0x108;
                t <<= seg - 1;
            }
        }
        return (short) ((a & 0x80) != 0 ? t : -t);
    }
}
