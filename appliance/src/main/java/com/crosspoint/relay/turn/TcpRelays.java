package com.crosspoint.relay.turn;

import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.function.Consumer;

/** The transport's side of TCP relays (RFC 6062); the TURN logic decides, this moves bytes. */
public interface TcpRelays {

    /**
     * Listens on the relay port for peers; each connection that comes in goes to
     * {@link TurnService#onPeerConnected}. Empty when the port is taken.
     */
    Optional<RelayEndpoint> listen(int port, Allocation allocation);

    /** Connects from the allocation's relay port to {@code peer}; {@code done} gets the connection, or empty. */
    void connect(Allocation allocation, InetSocketAddress peer, Consumer<Optional<PeerConnection>> done);

    /** From now on the client's data connection and the peer connection carry each other's bytes as they are. */
    void splice(ClientLink dataConnection, PeerConnection peer);
}
