package com.crosspoint.media.engine;

import com.crosspoint.media.rtp.RtpPacket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/** Hand-made RTP datagrams and the packets a receiver reads from them, for the receive-path unit tests. */
final class RtpDatagrams {
    static final byte[] SILENCE_PCMU = new byte[160];

    static {
        java.util.Arrays.fill(SILENCE_PCMU, (byte) 0xFF);
    }

    private RtpDatagrams() {
    }

    static InetSocketAddress address(int port) {
        return new InetSocketAddress(EngineFixture.LOOPBACK, port);
    }

    /** A 20 ms PCMU packet of sequence number {@code seq}. */
    static ByteBuffer pcmu(int seq, long ssrc) {
        return ByteBuffer.wrap(RtpPacket.of(false, 0, seq & 0xFFFF, 160L * seq, ssrc, SILENCE_PCMU).toBytes());
    }

    static ByteBuffer rtp(int payloadType, int seq, long ssrc, byte[] payload) {
        return ByteBuffer.wrap(RtpPacket.of(false, payloadType, seq & 0xFFFF, 160L * seq, ssrc, payload).toBytes());
    }

    /** What a receiver reads from a PCMU packet that arrived from {@code from} at {@code millis}. */
    static ReceivedRtp received(InetSocketAddress from, long millis, int seq) {
        return received(from, millis, seq, 7);
    }

    /** What a receiver reads from a PCMU packet of stream {@code ssrc} that arrived from {@code from}. */
    static ReceivedRtp received(InetSocketAddress from, long millis, int seq, long ssrc) {
        ReceivedRtp packet = new ReceivedRtp();
        if (packet.read(pcmu(seq, ssrc), from, millis * 1_000_000L) != ReceivedRtp.Read.OK) {
            throw new AssertionError("a plain PCMU packet did not read");
        }
        return packet;
    }
}
