package com.crosspoint.sip;

import java.net.InetSocketAddress;
import java.util.function.Consumer;

/**
 * What answers STUN arriving on the SIP UDP port (RFC 5626 s4.4.2 keepalives are STUN Binding requests on the SIP
 * flow). The SIP edge only demultiplexes (RFC 7983: a first byte of 0 to 3 is STUN); the STUN code lives elsewhere.
 * Called on the stack's UDP receive thread: it must answer at once and never block.
 */
@FunctionalInterface
public interface StunTap {

    /**
     * @param reply sends an answer back to {@code source} from the SIP port
     */
    void accept(byte[] data, int offset, int length, InetSocketAddress source, Consumer<byte[]> reply);
}
