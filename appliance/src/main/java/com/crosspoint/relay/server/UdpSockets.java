package com.crosspoint.relay.server;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;

/**
 * Opens the server's UDP sockets: a plain IPv4 socket when only IPv4 can cross it. The JDK's default socket is a
 * dual-stack IPv6 one, which carries IPv4 as IPv4-mapped addresses through the kernel's IPv6 layer on every send
 * and receive.
 */
final class UdpSockets {
    private UdpSockets() {
    }

    /** A listening socket: IPv4 when bound to one IPv4 address (a wildcard takes IPv6 clients as well). */
    static DatagramChannel listening(InetAddress bind) throws IOException {
        return open(bind instanceof Inet4Address && !bind.isAnyLocalAddress());
    }

    /**
     * A relay socket: IPv4 when bound to an IPv4 address (wildcard included) and relaying for IPv4, since peers of
     * the other family are refused (RFC 8656 s9.1, 443).
     */
    static DatagramChannel relay(InetAddress bind, InetAddress relayedHost) throws IOException {
        return open(bind instanceof Inet4Address && relayedHost instanceof Inet4Address);
    }

    private static DatagramChannel open(boolean ipv4) throws IOException {
        return ipv4 ? DatagramChannel.open(StandardProtocolFamily.INET) : DatagramChannel.open();
    }
}
