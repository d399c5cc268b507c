package com.crosspoint.proxy.transport;

import java.time.Duration;
import javax.net.ssl.SSLContext;

/**
 * A TLS listener of the proxy core.
 *
 * @param context                 the server side's certificate and key
 * @param handshakeTimeout        a connection whose handshake has not finished by then is closed (a client that
 *                                opens connections and never finishes them holds nothing for long)
 * @param maxConnectionsPerSource connections one source address may hold; one more is closed as it is accepted
 */
public record TlsSettings(SSLContext context, Duration handshakeTimeout, int maxConnectionsPerSource) {
    public static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);
    public static final int CONNECTIONS_PER_SOURCE = 64;

    public TlsSettings {
        if (handshakeTimeout.isNegative() || handshakeTimeout.isZero() || maxConnectionsPerSource < 1) {
            throw new IllegalArgumentException("bad TLS settings");
        }
    }

    /** The defaults: 10 s to finish a handshake, 64 connections per source address. */
    public static TlsSettings of(SSLContext context) {
        return new TlsSettings(context, HANDSHAKE_TIMEOUT, CONNECTIONS_PER_SOURCE);
    }
}
