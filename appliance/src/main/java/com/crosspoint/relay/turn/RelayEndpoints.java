package com.crosspoint.relay.turn;

import java.util.Optional;

/** Opens relay sockets (the transport's side); the TURN logic only decides which port. */
@FunctionalInterface
public interface RelayEndpoints {

    /**
     * Binds a relay socket on {@code port} for {@code allocation}, whose peer datagrams go to
     * {@link TurnService#onPeerDatagram}; empty when the port is taken by something else.
     */
    Optional<RelayEndpoint> open(int port, Allocation allocation);
}
