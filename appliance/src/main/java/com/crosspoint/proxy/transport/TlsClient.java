package com.crosspoint.proxy.transport;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * Outbound TLS (to carriers): what a server's certificate is checked against, whether its name must match the
 * address the connection was opened to, and how long a handshake may take before the connection is given up.
 *
 * @param context          trust (the JDK's default trust store, or the configured one)
 * @param verifyHostname   check the certificate's names (subject alternative names) against the host connected to
 * @param handshakeTimeout a connection whose handshake has not finished by then is closed
 */
public record TlsClient(SSLContext context, boolean verifyHostname, Duration handshakeTimeout) {
    public TlsClient {
        if (handshakeTimeout.isNegative() || handshakeTimeout.isZero()) {
            throw new IllegalArgumentException("the handshake timeout must be positive");
        }
    }

    /** A client-side engine for a connection to {@code to}: its host string is the name checked and sent (SNI). */
    SSLEngine engine(InetSocketAddress to) {
        String host = to.getHostString();
        SSLEngine engine = context.createSSLEngine(host, to.getPort());
        engine.setUseClientMode(true);
        SSLParameters parameters = engine.getSSLParameters();
        if (verifyHostname) {
            parameters.setEndpointIdentificationAlgorithm("HTTPS"); // RFC 2818 / RFC 5922 §7.2 name checks
        }
        if (!host.isEmpty() && !Character.isDigit(host.charAt(0)) && host.indexOf(':') < 0) {
            parameters.setServerNames(List.of(new SNIHostName(host))); // a name, not an IP literal
        }
        engine.setSSLParameters(parameters);
        return engine;
    }
}
