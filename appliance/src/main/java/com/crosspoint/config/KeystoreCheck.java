package com.crosspoint.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.util.Collections;

/**
 * Opens the TLS keystore at start so a wrong path, type or password fails with the key's
 * name instead of a handshake error on the first TLS connection.
 */
final class KeystoreCheck {

    private KeystoreCheck() {
    }

    static void verify(ConfigValues values, Path file, String password, String type) {
        verify(values, "sip.tls.", file, password, type);
    }

    /** @param prefix the keys' section, {@code sip.tls.} or {@code turn.tls.} */
    static void verify(ConfigValues values, String prefix, Path file, String password, String type) {
        if (!Files.isRegularFile(file)) {
            throw values.error(prefix + "keystore", "file not found: " + file);
        }
        if (!Files.isReadable(file)) {
            throw values.error(prefix + "keystore", "file not readable: " + file);
        }
        KeyStore keyStore;
        try (InputStream in = Files.newInputStream(file)) {
            keyStore = KeyStore.getInstance(type);
            keyStore.load(in, password.toCharArray());
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new ConfigException(values.label(prefix + "keystorePassword") + ": wrong password for "
                        + file, e);
            }
            throw new ConfigException(values.label(prefix + "keystore") + ": cannot read " + file + " as "
                    + type + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new ConfigException(values.label(prefix + "keystore") + ": cannot read " + file + " as "
                    + type + ": " + e.getMessage(), e);
        }
        if (!hasPrivateKey(keyStore)) {
            throw values.error(prefix + "keystore", "contains no private key: " + file);
        }
    }

    private static boolean hasPrivateKey(KeyStore keyStore) {
        try {
            for (String alias : Collections.list(keyStore.aliases())) {
                if (keyStore.isKeyEntry(alias)) {
                    return true;
                }
            }
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("loaded keystore refused to list its entries", e);
        }
    }
}
