package com.crosspoint.config;

import java.nio.file.Path;
import java.util.Optional;

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

    /** Keeps the password out of logs. */
    @Override
    public String toString() {
        return "TlsConfig[port=" + port + ", keystore=" + keystore.map(Path::toString).orElse("")
                + ", keystorePassword=" + Secrets.mask(keystorePassword) + ", keystoreType=" + keystoreType + "]";
    }
}
