package com.crosspoint.boot;

import com.crosspoint.config.TlsConfig;
import com.crosspoint.proxy.transport.TlsSettings;

/** A proxy role's TLS listener from its {@code *.tls.*} keys: null (no listener) without a keystore. */
final class ProxyTls {
    private ProxyTls() {
    }

    static TlsSettings of(TlsConfig tls) {
        return tls.enabled() ? TlsSettings.of(tls.serverContext()) : null;
    }
}
