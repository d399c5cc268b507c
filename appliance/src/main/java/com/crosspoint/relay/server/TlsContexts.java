package com.crosspoint.relay.server;

import com.crosspoint.config.TlsConfig;
import javax.net.ssl.SSLContext;

/** The server-side TLS context of TURN over TLS, from {@code turn.tls.*} (checked at configuration time). */
final class TlsContexts {
    private TlsContexts() {
    }

    static SSLContext of(TlsConfig tls) {
        return tls.serverContext();
    }
}
