package com.crosspoint.sip;

import com.crosspoint.config.SipLimitsConfig;
import java.nio.file.Path;

/**
 * What the SIP edge needs to start, taken from the node's configuration by the composition root.
 *
 * @param bindAddress       IP the listening points bind to (may be a wildcard)
 * @param advertisedAddress IP put in Via, Contact and Record-Route: never a wildcard
 * @param port              UDP and TCP port (0 picks a free one, for tests)
 * @param tlsPort           TLS port, used only when {@code keystore} is set
 * @param keystore          PKCS12/JKS keystore for TLS, or null for no TLS
 * @param limits            what the edge refuses, and how often it reports the refusals
 */
public record SipSettings(String bindAddress, String advertisedAddress, int port, int tlsPort,
                          Path keystore, String keystorePassword, String keystoreType,
                          int stackThreads, int udpBufferBytes, SipLimitsConfig limits) {

    public boolean tlsEnabled() {
        return keystore != null;
    }
}
