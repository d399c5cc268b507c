package com.crosspoint.relay.turn;

/**
 * The way back to a TURN client over its 5-tuple: the listening UDP socket it wrote to, or its TCP/TLS connection.
 * {@link #send} never blocks: on a full connection the message is dropped (counted by the transport), as a
 * datagram would be.
 */
public interface ClientLink {

    FiveTuple fiveTuple();

    /** Sends one STUN message or ChannelData frame ({@code length} bytes of {@code data} from {@code offset}). */
    void send(byte[] data, int offset, int length);

    default void send(byte[] data) {
        send(data, 0, data.length);
    }

    /** Whether this is a stream (TCP, TLS): ChannelData is padded to 4 bytes there (RFC 8656 s12.5). */
    boolean stream();
}
