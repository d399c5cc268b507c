package com.crosspoint.proxy.transport;

import java.net.InetSocketAddress;

/**
 * The path a message arrived on: transport, the peer's address, and for a stream the connection,
 * which is where responses go back (RFC 3261 §18.2.2).
 *
 * @param connection the stream connection; null for UDP
 */
public record Flow(Transport transport, InetSocketAddress remote, TcpConnection connection) {
    public static Flow udp(InetSocketAddress remote) {
        return new Flow(Transport.UDP, remote, null);
    }
}
