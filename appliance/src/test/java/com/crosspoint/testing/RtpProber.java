package com.crosspoint.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A third party on the appliance's own host (loopback) that tries to take calls' media: it sends valid-looking
 * PCMU RTP (its own SSRC) to every even port of the appliance's RTP range and an RTCP receiver report to every
 * odd one, and counts whatever the appliance sends back. Bounded: each {@link #sweep} is one packet per port,
 * {@link #spray} stops at its deadline or at {@code maxPackets}, whichever comes first.
 */
public final class RtpProber implements AutoCloseable {
    private static final int SSRC = 0x0BADF00D;
    /** 20 ms of PCMU silence. */
    private static final byte[] SILENCE = silence();

    private final DatagramSocket socket;
    private final InetAddress target;
    private final int firstPort;
    private final int lastPort;
    private final Thread reader;
    private final AtomicLong rtpHeard = new AtomicLong();
    private final AtomicLong rtcpHeard = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private int seq;

    /** Probes the ports {@code firstPort..lastPort} of the appliance at {@code target}, from the loopback address. */
    public RtpProber(InetAddress target, int firstPort, int lastPort) {
        this(InetAddress.getLoopbackAddress(), target, firstPort, lastPort);
    }

    /** Probes from {@code local} (another loopback address is another host to the appliance). */
    public RtpProber(InetAddress local, InetAddress target, int firstPort, int lastPort) {
        this.target = target;
        this.firstPort = firstPort;
        this.lastPort = lastPort;
        try {
            this.socket = new DatagramSocket(new InetSocketAddress(local, 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.reader = new Thread(this::countHeard, "rtp-prober");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /** One packet to every port of the range: RTP to the even ones, RTCP to the odd ones. */
    public void sweep() {
        for (int port = firstPort; port <= lastPort; port++) {
            byte[] packet = (port & 1) == 0 ? rtp() : receiverReport();
            try {
                socket.send(new DatagramPacket(packet, packet.length, new InetSocketAddress(target, port)));
                sent.incrementAndGet();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Sweeps every {@code period} until {@code length} has passed or {@code maxPackets} were sent. */
    public void spray(Duration length, Duration period, long maxPackets) {
        long start = System.nanoTime();
        long deadline = start + length.toNanos();
        for (long round = 0; System.nanoTime() < deadline && sent.get() < maxPackets; round++) {
            sweep();
            LockSupport.parkNanos(start + (round + 1) * period.toNanos() - System.nanoTime());
        }
    }

    /** RTP datagrams the appliance sent to this prober. */
    public long rtpHeard() {
        return rtpHeard.get();
    }

    /** RTCP datagrams the appliance sent to this prober. */
    public long rtcpHeard() {
        return rtcpHeard.get();
    }

    /** Datagrams this prober sent. */
    public long sent() {
        return sent.get();
    }

    private byte[] rtp() {
        seq = (seq + 1) & 0xFFFF;
        return ByteBuffer.allocate(12 + SILENCE.length).put((byte) 0x80).put((byte) 0).putShort((short) seq)
                .putInt(seq * 160).putInt(SSRC).put(SILENCE).array();
    }

    private static byte[] receiverReport() {
        // RFC 3550 §6.4.2: V=2, no report blocks, PT=201, length 1 (two 32-bit words), our SSRC
        return ByteBuffer.allocate(8).put((byte) 0x80).put((byte) 201).putShort((short) 1).putInt(SSRC).array();
    }

    private static byte[] silence() {
        byte[] frame = new byte[160];
        java.util.Arrays.fill(frame, (byte) 0xFF);
        return frame;
    }

    private void countHeard() {
        byte[] buffer = new byte[2048];
        DatagramPacket p = new DatagramPacket(buffer, buffer.length);
        while (!socket.isClosed()) {
            try {
                socket.receive(p);
            } catch (IOException e) {
                return; // closed
            }
            int type = p.getLength() > 1 ? buffer[1] & 0xFF : 0;
            (type >= 200 && type <= 204 ? rtcpHeard : rtpHeard).incrementAndGet();
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
