package com.crosspoint.nat;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The identity of the flow a binding is reached through (RFC 5626 §5.2 lets a registrar keep it as state rather than
 * encode it in a token): the transport, the device's end as the appliance sees it (its NAT's mapping, or the far end
 * of its TCP/TLS connection) and the appliance's end. Stable for as long as the flow lives: a refresh over the same
 * flow has the same identity, one over a new connection or mapping another.
 *
 * @param transport udp, tcp, tls, ws or wss, lower case
 * @param device    where the device's packets come from
 * @param appliance the address and port they arrive at; empty when unknown (a binding restored from the store)
 */
public record FlowToken(String transport, Endpoint device, Optional<Endpoint> appliance) {

    public FlowToken {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(appliance, "appliance");
        transport = transport.toLowerCase(Locale.ROOT);
    }

    /** The flow of a message that came over {@code transport} from {@code source} to {@code local} (may be null). */
    public static Optional<FlowToken> of(String transport, String source, String local) {
        if (transport == null) {
            return Optional.empty();
        }
        return Endpoint.parse(source).filter(e -> e.port() > 0)
                .map(device -> new FlowToken(transport, device, Endpoint.parse(local).filter(e -> e.port() > 0)));
    }

    /** Whether the flow is a TCP or TLS (or WebSocket) connection, which ends when the connection closes. */
    public boolean stream() {
        return !transport.equals("udp");
    }

    /** {@code tcp 198.51.100.7:40123 → 192.0.2.1:5060}; without the arrow when the appliance's end is unknown. */
    public String text() {
        String head = transport + " " + device.text(transport);
        return appliance.map(a -> head + " \u2192 " + a.text(transport)).orElse(head);
    }

    @Override
    public String toString() {
        return text();
    }
}
