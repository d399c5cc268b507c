package com.crosspoint.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * How the call router reaches carriers over TLS ({@code router.tls.trustStore*}, {@code verifyHostname},
 * {@code handshakeSeconds}): the certificates it trusts (the JDK's own trust store unless one is configured), whether
 * a carrier's certificate must name the host it was reached at, and how long a connection may take to be up.
 *
 * @param trustStore         absolute path of an existing trust store, or empty for the JDK's default
 * @param trustStorePassword its password (may be empty: a PKCS12 trust store of certificates needs none)
 * @param trustStoreType     PKCS12 or JKS
 * @param verifyHostname     check the carrier's certificate names against its configured host
 * @param handshakeTimeout   connect and TLS handshake together; beyond it the connection is closed and the call moves
 *                           on to the next carrier when the carrier's silence time is up
 */
public record CarrierTlsConfig(Optional<Path> trustStore, String trustStorePassword, String trustStoreType,
                               boolean verifyHostname, Duration handshakeTimeout) {

    /** The client side's TLS context: trust in this trust store's certificates, or in the JDK's. */
    public SSLContext clientContext() {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trustStore.isEmpty() ? null : load(trustStore.get()));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("trust store unusable: " + trustStore.map(Path::toString).orElse("(JDK)")
                    + ": " + e.getMessage(), e);
        }
    }

    private KeyStore load(Path file) throws GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance(trustStoreType);
            store.load(in, trustStorePassword.isEmpty() ? null : trustStorePassword.toCharArray());
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException("trust store unreadable: " + file, e);
        }
    }

    /** Keeps the password out of logs. */
    @Override
    public String toString() {
        return "CarrierTlsConfig[trustStore=" + trustStore.map(Path::toString).orElse("") + ", trustStorePassword="
                + Secrets.mask(trustStorePassword) + ", trustStoreType=" + trustStoreType + ", verifyHostname="
                + verifyHostname + ", handshakeTimeout=" + handshakeTimeout + "]";
    }
}
