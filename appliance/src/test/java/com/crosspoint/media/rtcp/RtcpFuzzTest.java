package com.crosspoint.media.rtcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Garbage in: only {@link MalformedRtcpException} may come out, and what parses must re-write. */
class RtcpFuzzTest {
    private static final byte[] SEED = RtcpCompoundPacket.of(
            new SenderReport(1, new NtpTime(3_900_000_000L, 12345), 160, 1, 160,
                    List.of(new ReportBlock(2, 3, -4, 70000, 5, 6, 7))),
            new SourceDescription(List.of(new SdesChunk(1, List.of(SdesItem.cname("crosspoint@example"),
                    new SdesItem(SdesItem.TOOL, "cp"))))),
            new Goodbye(List.of(1L), "done")).toBytes();

    @Test
    void randomBuffersNeverEscapeAsUncheckedExceptions() {
        Random random = new Random(3550_6);
        int parsed = 0;
        int rejected = 0;
        for (int i = 0; i < 5000; i++) {
            byte[] garbage = new byte[random.nextInt(120)];
            random.nextBytes(garbage);
            // steer half the buffers past the version check with a self-consistent first length
            if (garbage.length >= 4 && random.nextBoolean()) {
                garbage[0] = (byte) (0x80 | garbage[0] & 0x3F);
                garbage[1] = (byte) (200 + random.nextInt(6));
                int words = random.nextInt(garbage.length / 4);
                garbage[2] = 0;
                garbage[3] = (byte) words;
            }
            if (parses(garbage)) {
                parsed++;
            } else {
                rejected++;
            }
        }
        assertThat(rejected).isPositive();
        assertThat(parsed).as("some garbage is valid RTCP, so the fuzz reaches the body parsers").isPositive();
    }

    @Test
    void bitFlippedValidPacketsNeverEscapeAsUncheckedExceptions() {
        Random random = new Random(42);
        int parsed = 0;
        for (int i = 0; i < 5000; i++) {
            byte[] mutated = SEED.clone();
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                mutated[random.nextInt(mutated.length)] ^= (byte) (1 << random.nextInt(8));
            }
            int length = random.nextInt(4) == 0 ? random.nextInt(mutated.length + 1) : mutated.length;
            if (parses(java.util.Arrays.copyOf(mutated, length))) {
                parsed++;
            }
        }
        assertThat(parsed).isPositive();
    }

    private static boolean parses(byte[] bytes) {
        try {
            RtcpCompoundPacket compound = RtcpCompoundPacket.parse(ByteBuffer.wrap(bytes));
            assertThat(compound.toBytes()).isNotEmpty();
            return true;
        } catch (MalformedRtcpException expected) {
            assertThat(expected.reason()).isNotNull();
            return false;
        }
    }
}
