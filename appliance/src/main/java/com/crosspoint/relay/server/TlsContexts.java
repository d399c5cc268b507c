package com.crosspoint.relay.server;

import com.crosspoint.config.TlsConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** The server-side TLS context of TURN over TLS, from {@code turn.tls.*} (checked at configuration time). */
final class TlsContexts {
    private TlsContexts() {
    }

    static SSLContext of(TlsConfig tls) {
        try (InputStream in = Files.newInputStream(tls.keystore().orElseThrow())) {
            KeyStore store = KeyStore.getInstance(tls.keystoreType());
            store.load(in, tls.keystorePassword().toCharArray());
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, tls.keystorePassword().toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException("turn.tls.keystore unreadable", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("turn.tls.keystore unusable: " + e.getMessage(), e);
        }
    }
}
