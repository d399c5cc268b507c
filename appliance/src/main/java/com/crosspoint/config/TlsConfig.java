package com.crosspoint.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * SIP over TLS; off unless a keystore is configured.
 *
 * @param port             TLS port; 0 = ephemeral ({@code sip.tls.port})
 * @param keystore         absolute path of an existing keystore, or empty when TLS is off ({@code sip.tls.keystore})
 * @param keystorePassword password of the keystore and its key ({@code sip.tls.keystorePassword})
 * @param keystoreType     PKCS12 or JKS ({@code sip.tls.keystoreType})
 */
public record TlsConfig(int port, Optional<Path> keystore, String keystorePassword, String keystoreType) {

    public boolean enabled() {
        return keystore.isPresent();
    }

    /** The server side's TLS context: this keystore's key and certificate (checked when the keys were bound). */
    public SSLContext serverContext() {
        Path file = keystore.orElseThrow(() -> new IllegalStateException("TLS is off: no keystore"));
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance(keystoreType);
            store.load(in, keystorePassword.toCharArray());
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, keystorePassword.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException("keystore unreadable: " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("keystore unusable: " + file + ": " + e.getMessage(), e);
        }
    }

    /** Keeps the password out of logs. */
    @Override
    public String toString() {
        return "TlsConfig[port=" + port + ", keystore=" + keystore.map(Path::toString).orElse("")
                + ", keystorePassword=" + Secrets.mask(keystorePassword) + ", keystoreType=" + keystoreType + "]";
    }
}
