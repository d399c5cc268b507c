package com.crosspoint.sip;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SIP UDP socket with RFC 7983 demultiplexing in {@link #receive}: a datagram whose first byte is 0 to 3 is STUN
 * and goes to the {@link StunTap}; JAIN-SIP's receive loop only ever sees the others (SIP starts with a letter, a
 * keepalive CRLF with 13). The stack reads this socket from one thread, so answering here keeps STUN in order and
 * costs the SIP path nothing but the first-byte test.
 */
final class DemultiplexingDatagramSocket extends DatagramSocket {
    private static final Logger LOG = LoggerFactory.getLogger(DemultiplexingDatagramSocket.class);
    private static final int LAST_STUN_FIRST_BYTE = 3;

    private final StunTap tap;

    DemultiplexingDatagramSocket(InetSocketAddress bind, StunTap tap) throws SocketException {
        super(bind);
        this.tap = tap;
    }

    @Override
    public void receive(DatagramPacket packet) throws IOException {
        int room = packet.getLength();
        while (true) {
            super.receive(packet);
            if (packet.getLength() == 0 || (packet.getData()[packet.getOffset()] & 0xFF) > LAST_STUN_FIRST_BYTE) {
                return;
            }
            InetSocketAddress source = (InetSocketAddress) packet.getSocketAddress();
            try {
                tap.accept(packet.getData(), packet.getOffset(), packet.getLength(), source, answer -> send(answer, source));
            } catch (RuntimeException e) {
                LOG.warn("STUN on the SIP port from {} failed", source, e);
            }
            packet.setLength(room);
        }
    }

    private void send(byte[] answer, InetSocketAddress to) {
        try {
            send(new DatagramPacket(answer, answer.length, to));
        } catch (IOException e) {
            LOG.debug("cannot answer STUN to {}: {}", to, e.getMessage());
        }
    }
}
