package com.crosspoint.media.engine;

import com.crosspoint.media.rtp.MalformedRtpException;
import com.crosspoint.media.rtp.RtpPacket;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;

/** A bare UDP socket on loopback playing the far end in tests: sends hand-made datagrams, collects RTP. */
final class RawPeer implements AutoCloseable {
    final DatagramChannel channel;

    RawPeer() throws IOException {
        this(EngineFixture.LOOPBACK);
    }

    /** On another loopback address (127.0.0.2 ...): another "host" for the session. */
    RawPeer(java.net.InetAddress address) throws IOException {
        channel = DatagramChannel.open();
        channel.bind(new InetSocketAddress(address, 0));
        channel.socket().setSoTimeout(50);
    }

    /** Datagrams of any kind that arrive within the time. */
    int count(long millis) throws IOException {
        int n = 0;
        long end = System.currentTimeMillis() + millis;
        java.net.DatagramPacket datagram = new java.net.DatagramPacket(new byte[2048], 2048);
        while (System.currentTimeMillis() < end) {
            try {
                channel.socket().receive(datagram);
                n++;
            } catch (SocketTimeoutException e) {
                // keep waiting until the end
            }
        }
        return n;
    }

    int port() {
        return channel.socket().getLocalPort();
    }

    void send(byte[] bytes, int port) throws IOException {
        channel.send(ByteBuffer.wrap(bytes), new InetSocketAddress(EngineFixture.LOOPBACK, port));
    }

    void sendTo(byte[] bytes, InetSocketAddress target) throws IOException {
        channel.send(ByteBuffer.wrap(bytes), target);
    }

    void sendRtp(int pt, int seq, long ts, long ssrc, byte[] payload, int port) throws IOException {
        send(RtpPacket.of(false, pt, seq & 0xFFFF, ts & 0xFFFF_FFFFL, ssrc, payload).toBytes(), port);
    }

    /** RTP packets that arrive within the time (non-RTP datagrams are skipped). */
    List<RtpPacket> receive(long millis) throws IOException {
        List<RtpPacket> packets = new ArrayList<>();
        long end = System.currentTimeMillis() + millis;
        byte[] buffer = new byte[2048];
        java.net.DatagramPacket datagram = new java.net.DatagramPacket(buffer, buffer.length);
        while (System.currentTimeMillis() < end) {
            try {
                channel.socket().receive(datagram);
                packets.add(RtpPacket.parse(ByteBuffer.wrap(buffer, 0, datagram.getLength())));
            } catch (SocketTimeoutException e) {
                // keep waiting until the end
            } catch (MalformedRtpException e) {
                // not RTP
            }
        }
        return packets;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
