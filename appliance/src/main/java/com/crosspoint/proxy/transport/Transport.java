package com.crosspoint.proxy.transport;

/** SIP transports as the Via's transport token names them (RFC 3261 §18). TLS runs over {@link TcpEndpoint#openTls}. */
public enum Transport {
    UDP, TCP, TLS;

    /** Whether the transport is reliable, so no retransmission timers run over it (§17.1.1.2, §17.1.2.2). */
    public boolean reliable() {
        return this != UDP;
    }

    /** The value of a Record-Route/URI {@code transport} parameter for this transport; null for UDP, the default. */
    public String uriParameter() {
        return switch (this) {
            case UDP -> null;
            case TCP -> "tcp";
            case TLS -> "tls";
        };
    }
}
