package com.crosspoint.sip;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Finds a port free for both UDP and TCP, for {@code sip.port: 0}: JAIN-SIP refuses port 0, and
 * SIP wants the same number on both transports.
 */
final class FreePort {
    private static final int ATTEMPTS = 50;

    private FreePort() {
    }

    static int udpAndTcp(String bindAddress) {
        for (int i = 0; i < ATTEMPTS; i++) {
            try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(bindAddress), 0))) {
                int port = udp.getLocalPort();
                try (ServerSocket tcp = new ServerSocket()) {
                    tcp.bind(new InetSocketAddress(InetAddress.getByName(bindAddress), port));
                    return port;
                } catch (IOException taken) {
                    // TCP side of this number is in use: try another.
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot probe ports on " + bindAddress, e);
            }
        }
        throw new IllegalStateException("no port free for both UDP and TCP on " + bindAddress);
    }
}
