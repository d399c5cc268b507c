package com.crosspoint.relay.turn;

import java.net.InetSocketAddress;

/** An allocation's relay socket: a UDP port of this node from which data goes to peers and on which it comes back. */
public interface RelayEndpoint extends AutoCloseable {

    /** The local port it is bound to. */
    int port();

    void send(byte[] data, int offset, int length, InetSocketAddress peer);

    @Override
    void close();
}
