package com.crosspoint.relay.turn;

import java.net.InetSocketAddress;

/** A TCP connection between a relay port and a peer (RFC 6062), as the transport holds it. */
public interface PeerConnection {

    InetSocketAddress peer();

    boolean isOpen();

    void close();
}
