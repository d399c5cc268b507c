package com.crosspoint.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Binds one TLS section ({@code sip.tls.}, {@code turn.tls.}, {@code router.tls.}, {@code gateway.tls.}): port,
 * keystore, its password and type. The keystore is opened here, so a bad one fails at start naming its key.
 */
final class TlsConfigBinder {
    private TlsConfigBinder() {
    }

    /** @param prefix the section with its dot, e.g. {@code router.tls.} */
    static TlsConfig bind(ConfigValues values, String prefix) {
        int port = values.integer(prefix + "port");
        if (port < 0 || port > 65_535) {
            throw values.error(prefix + "port", "must be a port 1-65535, or 0 for any free port (got " + port + ")");
        }
        String keystoreText = values.string(prefix + "keystore").trim();
        String password = values.string(prefix + "keystorePassword");
        String type = values.string(prefix + "keystoreType").trim().toUpperCase(Locale.ROOT);
        if (!type.equals("PKCS12") && !type.equals("JKS")) {
            throw values.error(prefix + "keystoreType",
                    "must be PKCS12 or JKS, not \"" + values.string(prefix + "keystoreType") + "\"");
        }
        Optional<Path> keystore = Optional.empty();
        if (!keystoreText.isEmpty()) {
            Path file;
            try {
                file = Path.of(keystoreText).toAbsolutePath().normalize();
            } catch (InvalidPathException e) {
                throw values.error(prefix + "keystore", "not a valid path: \"" + keystoreText + "\"");
            }
            KeystoreCheck.verify(values, prefix, file, password, type);
            keystore = Optional.of(file);
        }
        return new TlsConfig(port, keystore, password, type);
    }
}
