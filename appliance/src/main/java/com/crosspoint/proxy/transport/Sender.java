package com.crosspoint.proxy.transport;

/** Sends messages; never blocks and never throws for network trouble (SIP's timers handle loss). */
public interface Sender {
    void send(Destination to, byte[] bytes, int offset, int length);

    /**
     * Whether {@link #send} has a way there: always over UDP and TCP; over TLS when outbound TLS is configured, else
     * only on a peer's open connection.
     */
    default boolean canReach(Destination to) {
        return true;
    }

    /**
     * Who hears that a connection this sender opened failed before anything went over it (a transport error of every
     * message sent on it); over UDP nothing is heard. The default sender has no connections.
     */
    default void onConnectFailure(ConnectFailureListener listener) {
    }

    /** Sends back on the path a request arrived on: its connection, or for UDP the given flow's address. */
    void reply(Flow flow, byte[] bytes, int offset, int length);
}
