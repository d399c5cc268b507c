package com.crosspoint.media.rtp;

import static com.crosspoint.media.Hex.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class PacketClassifierTest {

    @Test
    void classifiesByFirstByteRange() {
        assertThat(kind("00 01 00 00 21 12 A4 42")).isEqualTo(PacketKind.STUN); // binding request, magic cookie
        assertThat(kind("01 01 00 00")).isEqualTo(PacketKind.STUN); // binding success response
        assertThat(kind("03")).isEqualTo(PacketKind.STUN);
        assertThat(kind("04")).isEqualTo(PacketKind.UNKNOWN);
        assertThat(kind("10")).isEqualTo(PacketKind.ZRTP);
        assertThat(kind("13")).isEqualTo(PacketKind.ZRTP);
        assertThat(kind("14")).isEqualTo(PacketKind.DTLS); // 20: change_cipher_spec
        assertThat(kind("16 FE FD")).isEqualTo(PacketKind.DTLS); // 22: handshake, DTLS 1.2
        assertThat(kind("3F")).isEqualTo(PacketKind.DTLS);
        assertThat(kind("40 00")).isEqualTo(PacketKind.TURN_CHANNEL);
        assertThat(kind("4F 00")).isEqualTo(PacketKind.TURN_CHANNEL);
        assertThat(kind("50")).isEqualTo(PacketKind.UNKNOWN);
        assertThat(kind("C0 00")).isEqualTo(PacketKind.UNKNOWN); // 192: beyond RTP/RTCP's 128..191
        assertThat(kind("")).isEqualTo(PacketKind.UNKNOWN);
        assertThat(kind("80")).isEqualTo(PacketKind.UNKNOWN); // RTP/RTCP range, but no second byte to decide
    }

    @Test
    void splitsRtpFromRtcpOnTheSecondByte() {
        assertThat(kind("80 00")).isEqualTo(PacketKind.RTP); // PT 0
        assertThat(kind("80 80")).isEqualTo(PacketKind.RTP); // marker + PT 0
        assertThat(kind("80 3F")).isEqualTo(PacketKind.RTP); // PT 63
        assertThat(kind("80 40")).isEqualTo(PacketKind.RTCP); // 64: RTCP type 192 (FIR) with the high bit off
        assertThat(kind("80 C8")).isEqualTo(PacketKind.RTCP); // SR 200
        assertThat(kind("81 C9")).isEqualTo(PacketKind.RTCP); // RR 201
        assertThat(kind("80 DF")).isEqualTo(PacketKind.RTCP); // 223 -> 95
        assertThat(kind("80 E0")).isEqualTo(PacketKind.RTP); // marker + PT 96: dynamic audio
        assertThat(kind("BF 60")).isEqualTo(PacketKind.RTP); // 191: last of the range, PT 96
    }

    @Test
    void leavesThePositionAlone() {
        ByteBuffer buffer = ByteBuffer.wrap(bytes("00 80 C8"));
        buffer.position(1);

        assertThat(PacketClassifier.classify(buffer)).isEqualTo(PacketKind.RTCP);
        assertThat(buffer.position()).isEqualTo(1);
    }

    private static PacketKind kind(String hex) {
        return PacketClassifier.classify(ByteBuffer.wrap(bytes(hex)));
    }
}
