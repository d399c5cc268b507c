package com.crosspoint.media.rtp;

import static com.crosspoint.media.Hex.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.crosspoint.media.rtp.MalformedRtpException.Reason;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RtpPacketTest {

    // V=2 P=0 X=0 CC=0, M=1 PT=0 (PCMU), seq 0x1234, ts 0xDEADBEEF, SSRC 0x12345678, 2 payload bytes
    private static final byte[] PLAIN = bytes("""
            80                  // V=2, P=0, X=0, CC=0
            80                  // M=1, PT=0
            12 34               // sequence number 4660
            DE AD BE EF         // timestamp 3735928559
            12 34 56 78         // SSRC
            FF FE               // payload
            """);

    // every optional part: 2 CSRCs, a one-word extension, 3 payload bytes, 4 bytes of padding
    private static final byte[] FULL = bytes("""
            B2                  // V=2 (10), P=1, X=1, CC=2 -> 1011 0010
            08                  // M=0, PT=8 (PCMA)
            FF FF               // sequence number 65535
            00 00 00 A0         // timestamp 160
            CA FE BA BE         // SSRC
            00 00 00 01         // CSRC 1
            FF FF FF FF         // CSRC 4294967295
            BE DE 00 01         // extension: profile 0xBEDE, length 1 word
            10 AA 00 00         // extension word
            D5 D5 D5            // payload
            00 00 00 04         // padding: 3 zeros, then the count (4, itself included)
            """);

    @Test
    void parsesThePlainVectorFieldByField() throws Exception {
        RtpPacket packet = RtpPacket.parse(ByteBuffer.wrap(PLAIN));

        assertThat(packet.marker()).isTrue();
        assertThat(packet.payloadType()).isZero();
        assertThat(packet.sequenceNumber()).isEqualTo(0x1234);
        assertThat(packet.timestamp()).isEqualTo(0xDEADBEEFL);
        assertThat(packet.ssrc()).isEqualTo(0x12345678L);
        assertThat(packet.csrcs()).isEmpty();
        assertThat(packet.extension()).isNull();
        assertThat(packet.payload()).containsExactly(0xFF, 0xFE);
        assertThat(packet.paddingLength()).isZero();
    }

    @Test
    void writesThePlainVectorFromRfcFieldValues() {
        RtpPacket packet = RtpPacket.of(true, 0, 0x1234, 0xDEADBEEFL, 0x12345678L, new byte[] {(byte) 0xFF, (byte) 0xFE});

        assertThat(packet.toBytes()).isEqualTo(PLAIN);
        assertThat(packet.wireLength()).isEqualTo(14);
    }

    @Test
    void parsesAndRewritesEveryOptionalPart() throws Exception {
        RtpPacket packet = RtpPacket.parse(ByteBuffer.wrap(FULL));

        assertThat(packet.marker()).isFalse();
        assertThat(packet.payloadType()).isEqualTo(8);
        assertThat(packet.sequenceNumber()).isEqualTo(65535);
        assertThat(packet.timestamp()).isEqualTo(160);
        assertThat(packet.ssrc()).isEqualTo(0xCAFEBABEL);
        assertThat(packet.csrcs()).containsExactly(1L, 0xFFFFFFFFL);
        assertThat(packet.extension().profile()).isEqualTo(0xBEDE);
        assertThat(packet.extension().data()).isEqualTo(bytes("10 AA 00 00"));
        assertThat(packet.payload()).isEqualTo(bytes("D5 D5 D5"));
        assertThat(packet.paddingLength()).isEqualTo(4);
        assertThat(packet.toBytes()).isEqualTo(FULL);
    }

    @Test
    void parseReadsFromThePositionAndLeavesItAlone() throws Exception {
        ByteBuffer buffer = ByteBuffer.allocate(3 + PLAIN.length);
        buffer.put(new byte[] {9, 9, 9}).put(PLAIN).flip().position(3);

        RtpPacket packet = RtpPacket.parse(buffer);

        assertThat(packet.sequenceNumber()).isEqualTo(0x1234);
        assertThat(buffer.position()).isEqualTo(3);
    }

    @Test
    void writeToAdvancesAndReportsTheLength() {
        RtpPacket packet = RtpPacket.of(false, 96, 1, 2, 3, new byte[20]);
        ByteBuffer out = ByteBuffer.allocate(100).position(10);

        int written = packet.writeTo(out);

        assertThat(written).isEqualTo(32);
        assertThat(out.position()).isEqualTo(42);
    }

    @Test
    void writeToRefusesABufferTooSmall() {
        RtpPacket packet = RtpPacket.of(false, 96, 1, 2, 3, new byte[20]);
        ByteBuffer out = ByteBuffer.allocate(31);

        assertThatThrownBy(() -> packet.writeTo(out)).isInstanceOf(BufferOverflowException.class);
        assertThat(out.position()).isZero();
    }

    @Test
    void payloadIsCopiedInAndOut() {
        byte[] payload = {1, 2, 3};
        RtpPacket packet = RtpPacket.of(false, 0, 0, 0, 0, payload);
        payload[0] = 42;
        packet.payload()[1] = 42;

        assertThat(packet.payload()).containsExactly(1, 2, 3);
        assertThat(packet.payloadBuffer().isReadOnly()).isTrue();
        assertThat(packet).isEqualTo(RtpPacket.of(false, 0, 0, 0, 0, new byte[] {1, 2, 3}));
    }

    @Test
    void rejectsEachMalformationWithItsReason() {
        assertThat(reasonFor("80 00 00 01 00 00 00 00 00 00 00")).isEqualTo(Reason.TOO_SHORT); // 11 bytes
        assertThat(reasonFor("40 00 00 01 00 00 00 00 00 00 00 01")).isEqualTo(Reason.BAD_VERSION); // V=1
        assertThat(reasonFor("C0 00 00 01 00 00 00 00 00 00 00 01")).isEqualTo(Reason.BAD_VERSION); // V=3
        // CC=1 but the datagram ends after the fixed header
        assertThat(reasonFor("81 00 00 01 00 00 00 00 00 00 00 01")).isEqualTo(Reason.CSRC_BEYOND_LENGTH);
        // CC=15 with only 14 CSRC words present
        assertThat(reasonFor("8F 00 00 01 00 00 00 00 00 00 00 01" + " 00000000".repeat(14)))
                .isEqualTo(Reason.CSRC_BEYOND_LENGTH);
        // X=1, no room for the extension header
        assertThat(reasonFor("90 00 00 01 00 00 00 00 00 00 00 01 BE DE")).isEqualTo(Reason.EXTENSION_BEYOND_LENGTH);
        // X=1, header says 2 words, only 1 follows
        assertThat(reasonFor("90 00 00 01 00 00 00 00 00 00 00 01 BE DE 00 02 11 22 33 44"))
                .isEqualTo(Reason.EXTENSION_BEYOND_LENGTH);
        // P=1, padding count 0 is impossible: the count includes itself
        assertThat(reasonFor("A0 00 00 01 00 00 00 00 00 00 00 01 AA 00")).isEqualTo(Reason.INVALID_PADDING);
        // P=1, padding count 3 with only 2 bytes after the header
        assertThat(reasonFor("A0 00 00 01 00 00 00 00 00 00 00 01 AA 03")).isEqualTo(Reason.INVALID_PADDING);
        // P=1 with nothing after the header
        assertThat(reasonFor("A0 00 00 01 00 00 00 00 00 00 00 01")).isEqualTo(Reason.INVALID_PADDING);
    }

    @Test
    void paddingMayBeTheWholeBody() throws Exception {
        RtpPacket packet = RtpPacket.parse(ByteBuffer.wrap(bytes("A0 00 00 01 00 00 00 00 00 00 00 01 00 02")));

        assertThat(packet.payload()).isEmpty();
        assertThat(packet.paddingLength()).isEqualTo(2);
    }

    @Test
    void roundTripsRandomValidPackets() throws Exception {
        Random random = new Random(4);
        for (int i = 0; i < 500; i++) {
            List<Long> csrcs = random.longs(random.nextInt(16), 0, 1L << 32).boxed().toList();
            RtpHeaderExtension extension = random.nextBoolean() ? null
                    : new RtpHeaderExtension(random.nextInt(1 << 16), randomBytes(random, 4 * random.nextInt(4)));
            RtpPacket packet = new RtpPacket(random.nextBoolean(), random.nextInt(128), random.nextInt(1 << 16),
                    random.nextLong() >>> 32, random.nextLong() >>> 32, csrcs, extension,
                    randomBytes(random, random.nextInt(200)), random.nextInt(3) == 0 ? 1 + random.nextInt(255) : 0);

            byte[] wire = packet.toBytes();

            assertThat(wire).hasSize(packet.wireLength());
            assertThat(RtpPacket.parse(ByteBuffer.wrap(wire))).isEqualTo(packet);
        }
    }

    @Test
    void fuzzedBuffersOnlyEverRaiseTheTypedException() {
        Random random = new Random(3550);
        int parsed = 0;
        for (int i = 0; i < 5000; i++) {
            byte[] garbage = randomBytes(random, random.nextInt(64));
            if (garbage.length > 0 && random.nextBoolean()) {
                garbage[0] = (byte) (0x80 | garbage[0] & 0x3F); // version 2, so the deeper checks run
            }
            try {
                RtpPacket packet = RtpPacket.parse(ByteBuffer.wrap(garbage));
                assertThat(packet.toBytes()).hasSize(garbage.length);
                parsed++;
            } catch (MalformedRtpException expected) {
                assertThat(expected.reason()).isNotNull();
            }
        }
        assertThat(parsed).as("some garbage is a valid packet").isPositive();
    }

    @Test
    void constructorRejectsOutOfRangeFields() {
        assertThatThrownBy(() -> RtpPacket.of(false, 128, 0, 0, 0, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RtpPacket.of(false, 0, 65536, 0, 0, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RtpPacket.of(false, 0, 0, 1L << 32, 0, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RtpPacket.of(false, 0, 0, 0, -1, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RtpPacket(false, 0, 0, 0, 0, List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L,
                11L, 12L, 13L, 14L, 15L), null, new byte[0], 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RtpPacket(false, 0, 0, 0, 0, List.of(), null, new byte[0], 256))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RtpHeaderExtension(0, new byte[3])).isInstanceOf(IllegalArgumentException.class);
    }

    private static Reason reasonFor(String hex) {
        return catchThrowableOfType(MalformedRtpException.class, () -> RtpPacket.parse(ByteBuffer.wrap(bytes(hex))))
                .reason();
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
