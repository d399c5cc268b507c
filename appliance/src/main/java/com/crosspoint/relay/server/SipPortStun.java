package com.crosspoint.relay.server;

import com.crosspoint.relay.stun.BindingResponder;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * STUN on the SIP UDP port: RFC 5626 s4.4.2 keepalives are Binding requests sent on the SIP flow, and their answer
 * tells the phone its public mapping. Only Binding is answered there (no TURN, no RFC 5780), within the same
 * per-source limit as the TURN port. Its {@link #accept} has the shape of the SIP edge's {@code StunTap}.
 */
public final class SipPortStun {
    private final BindingResponder binding;
    private final SourceRateLimit limit;
    private final BindingResponder.Sockets sockets;

    public SipPortStun(String software, InetSocketAddress sipAddress, int requestsPerSecondPerSource,
                       LongSupplier millis) {
        this.binding = new BindingResponder(software);
        this.limit = new SourceRateLimit(requestsPerSecondPerSource, 100_000, millis);
        this.sockets = new BindingResponder.Sockets(sipAddress, Optional.empty());
    }

    public void accept(byte[] data, int offset, int length, InetSocketAddress source, Consumer<byte[]> reply) {
        InetAddress from = source.getAddress();
        binding.answer(data, offset, length, source, sockets).ifPresent(answer -> {
            if (limit.allows(from)) {
                reply.accept(answer.bytes());
            }
        });
    }

    /** Binding requests on the SIP port dropped by the per-source limit. */
    public long refused() {
        return limit.refused();
    }
}
