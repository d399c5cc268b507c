package com.crosspoint.media.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class WireSlipTest {
    private static final int PORT = 42000;

    @Test
    void slipIsHowFarTheWireSpacingStraysFromTheTimestampSpacing() throws IOException {
        Pcap pcap = new Pcap();
        long t = 1_000_000_000L;
        pcap.rtp(t, PORT, 10, 1600, 7);
        pcap.rtp(t + 20_000_000, PORT, 11, 1760, 7);          // on time: 0
        pcap.rtp(t + 43_000_000, PORT, 12, 1920, 7);          // 3 ms late
        pcap.rtp(t + 60_000_000, PORT, 13, 2080, 7);          // back on the clock: 3 ms early against the last
        pcap.rtp(t + 60_000_000, PORT, 13, 2080, 7);          // seen twice: not a pair
        pcap.rtp(t + 80_000_000, PORT + 1, 1, 0, 9);          // a second stream, on the next port
        pcap.rtcp(t + 80_000_000, PORT + 1);
        pcap.rtp(t + 80_000_000, PORT + 100, 1, 0, 9);        // outside the range
        pcap.rtp(t + 100_000_000, PORT, 15, 2400, 7);         // seq 14 lost: no pair with 13

        WireSlip w = WireSlip.read(new ByteArrayInputStream(pcap.bytes()), PORT, PORT + 10);

        assertThat(w.packets()).isEqualTo(7);
        assertThat(w.streams()).isEqualTo(2);
        assertThat(w.duplicates()).isEqualTo(1);
        assertThat(w.slip().count()).isEqualTo(3);
        assertThat(w.slip().percentileMillis(34)).isEqualTo(3.0);
        assertThat(w.slip().percentileMillis(33)).isEqualTo(0.0);
        assertThat(w.slip().percentileMillis(100)).isEqualTo(3.0);
        assertThat(w.oddSteps()).isZero();
    }

    @Test
    void aTimestampJumpIsCountedAndStillPaired() throws IOException {
        Pcap pcap = new Pcap();
        pcap.rtp(0, PORT, 1, 0, 7);
        pcap.rtp(20_000_000, PORT, 2, 320, 7);                // a 40 ms step sent 20 ms later: 20 ms early

        WireSlip w = WireSlip.read(new ByteArrayInputStream(pcap.bytes()), PORT, PORT);

        assertThat(w.oddSteps()).isEqualTo(1);
        assertThat(w.slip().percentileMillis(100)).isEqualTo(20.0);
    }

    @Test
    void somethingElseThanAPcapIsRefused() {
        assertThatThrownBy(() -> WireSlip.read(new ByteArrayInputStream(new byte[24]), PORT, PORT))
                .isInstanceOf(IOException.class).hasMessageContaining("not a pcap");
    }

    /** A little-endian, nanosecond pcap of Ethernet frames, as tcpdump writes on Linux's loopback. */
    private static final class Pcap {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Pcap() {
            ByteBuffer h = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
            h.putInt(0xA1B23C4D).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(64).putInt(1);
            out.writeBytes(h.array());
        }

        void rtp(long nanos, int port, int seq, int timestamp, int ssrc) {
            ByteBuffer rtp = ByteBuffer.allocate(12 + 160);
            rtp.put((byte) 0x80).put((byte) 0).putShort((short) seq).putInt(timestamp).putInt(ssrc);
            frame(nanos, port, rtp.array());
        }

        void rtcp(long nanos, int port) {
            ByteBuffer rtcp = ByteBuffer.allocate(28);
            rtcp.put((byte) 0x80).put((byte) 200).putShort((short) 6);
            frame(nanos, port, rtcp.array());
        }

        private void frame(long nanos, int port, byte[] payload) {
            ByteBuffer f = ByteBuffer.allocate(14 + 20 + 8 + payload.length);
            f.position(12);
            f.putShort((short) 0x0800);
            f.put((byte) 0x45).put((byte) 0).putShort((short) (28 + payload.length)).putInt(0)
                    .put((byte) 64).put((byte) 17).putShort((short) 0).putInt(0x7F000001).putInt(0x7F000001);
            f.putShort((short) 40000).putShort((short) port).putShort((short) (8 + payload.length)).putShort((short) 0);
            f.put(payload);
            int captured = Math.min(64, f.capacity());
            ByteBuffer r = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            r.putInt((int) (nanos / 1_000_000_000L)).putInt((int) (nanos % 1_000_000_000L)).putInt(captured)
                    .putInt(f.capacity());
            out.writeBytes(r.array());
            out.write(f.array(), 0, captured);
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
