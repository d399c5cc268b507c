package com.crosspoint.nat;

import java.util.Objects;
import java.util.Optional;

/**
 * What one REGISTER showed of its device's path.
 *
 * @param transport      UDP, TCP, TLS, WS or WSS
 * @param source         where the packet (or connection) came from
 * @param via            the top Via's sent-by, empty when unknown (a binding restored from the store)
 * @param contact        the host and port of the registered Contact
 * @param previousSource where the same binding's previous REGISTER came from, empty for a new binding
 */
public record RegistrationSighting(String transport, Endpoint source, Optional<Endpoint> via, Endpoint contact,
                                   Optional<Endpoint> previousSource) {

    public RegistrationSighting {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(via, "via");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(previousSource, "previousSource");
    }

    /** Connection-oriented transports come from an ephemeral port: only addresses can be compared. */
    public boolean stream() {
        return !"udp".equalsIgnoreCase(transport);
    }
}
