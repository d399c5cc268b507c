package com.crosspoint.relay.rtp;

import com.crosspoint.media.rtcp.NtpTime;
import com.crosspoint.media.rtcp.ReceiverReport;
import com.crosspoint.media.rtcp.ReportBlock;
import com.crosspoint.media.rtcp.RtcpCompoundPacket;
import com.crosspoint.media.rtcp.SenderReport;
import com.crosspoint.media.rtp.RtpPacket;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A phone's media as the relay sees it, on loopback: an RTP and an RTCP socket that send hand-made packets and
 * collect what arrives, with the source it came from. Blocking, for tests.
 */
final class UdpPhone implements AutoCloseable {
    static final byte[] SILENCE = silence();

    final DatagramChannel rtp;
    final DatagramChannel rtcp;

    UdpPhone() throws IOException {
        this(InetAddress.getLoopbackAddress());
    }

    /** On another loopback address (127.0.0.2 ...): another host to the relay. */
    UdpPhone(InetAddress address) throws IOException {
        rtp = open(address);
        rtcp = open(address);
    }

    private static DatagramChannel open(InetAddress address) throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        channel.bind(new InetSocketAddress(address, 0));
        channel.socket().setSoTimeout(20);
        return channel;
    }

    InetSocketAddress rtpAddress() {
        return (InetSocketAddress) rtp.socket().getLocalSocketAddress();
    }

    InetSocketAddress rtcpAddress() {
        return (InetSocketAddress) rtcp.socket().getLocalSocketAddress();
    }

    static ByteBuffer rtpPacket(int payloadType, int seq, long ssrc) {
        return ByteBuffer.wrap(RtpPacket.of(false, payloadType, seq & 0xFFFF, 160L * seq, ssrc, SILENCE).toBytes());
    }

    void sendRtp(InetSocketAddress to, int payloadType, int seq, long ssrc) throws IOException {
        rtp.send(rtpPacket(payloadType, seq, ssrc), to);
    }

    void sendRaw(DatagramChannel from, byte[] bytes, InetSocketAddress to) throws IOException {
        from.send(ByteBuffer.wrap(bytes), to);
    }

    static byte[] senderReport(long ssrc, NtpTime time) {
        return new RtcpCompoundPacket(List.of(new SenderReport(ssrc, time, 0, 10, 1600, List.of()))).toBytes();
    }

    static byte[] receiverReport(long ssrc, ReportBlock block) {
        return new RtcpCompoundPacket(List.of(new ReceiverReport(ssrc, List.of(block)))).toBytes();
    }

    /** Datagrams arriving on {@code channel} within the time: each with its source. */
    static List<Arrival> receive(DatagramChannel channel, long millis) throws IOException {
        List<Arrival> arrivals = new ArrayList<>();
        long end = System.currentTimeMillis() + millis;
        byte[] buffer = new byte[4096];
        DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
        while (System.currentTimeMillis() < end) {
            try {
                channel.socket().receive(datagram);
                arrivals.add(new Arrival((InetSocketAddress) datagram.getSocketAddress(),
                        Arrays.copyOf(buffer, datagram.getLength())));
            } catch (SocketTimeoutException e) {
                // keep listening until the end
            }
        }
        return arrivals;
    }

    /** Waits until {@code count} datagrams arrived or the time is up. */
    static List<Arrival> receive(DatagramChannel channel, int count, long millis) throws IOException {
        List<Arrival> arrivals = new ArrayList<>();
        long end = System.currentTimeMillis() + millis;
        byte[] buffer = new byte[4096];
        DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
        while (arrivals.size() < count && System.currentTimeMillis() < end) {
            try {
                channel.socket().receive(datagram);
                arrivals.add(new Arrival((InetSocketAddress) datagram.getSocketAddress(),
                        Arrays.copyOf(buffer, datagram.getLength())));
            } catch (SocketTimeoutException e) {
                // keep listening
            }
        }
        return arrivals;
    }

    /** One datagram that arrived. */
    record Arrival(InetSocketAddress from, byte[] bytes) {
        int sequence() {
            return ByteBuffer.wrap(bytes).getShort(2) & 0xFFFF;
        }

        int packetType() {
            return bytes[1] & 0xFF;
        }
    }

    private static byte[] silence() {
        byte[] frame = new byte[160];
        Arrays.fill(frame, (byte) 0xFF);
        return frame;
    }

    @Override
    public void close() throws IOException {
        rtp.close();
        rtcp.close();
    }
}
