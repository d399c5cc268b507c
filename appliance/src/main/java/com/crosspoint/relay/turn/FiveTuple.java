package com.crosspoint.relay.turn;

import java.net.InetSocketAddress;

/**
 * An allocation's identity, RFC 8656 s2: client address and port, server address and port, transport. On a TCP or
 * TLS connection the connection itself is the flow, so {@code connection} tells apart two connections that reused a
 * client port; for UDP it is 0.
 */
public record FiveTuple(InetSocketAddress client, InetSocketAddress server, Transport transport, long connection) {

    public enum Transport { UDP, TCP, TLS }

    public static FiveTuple udp(InetSocketAddress client, InetSocketAddress server) {
        return new FiveTuple(client, server, Transport.UDP, 0);
    }
}
