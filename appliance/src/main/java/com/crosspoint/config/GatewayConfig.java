package com.crosspoint.config;

import com.crosspoint.gateway.DidRoute;
import java.util.List;

/**
 * The media gateway's SIP side ({@code gateway.*}); read when {@code node.roles} has {@code gateway}.
 *
 * @param port           UDP and TCP port of the gateway's proxy; 0 = a free port (tests)
 * @param dids           which PBX node serves each DID prefix, with its backup node
 * @param spans          T1 spans of 24 channels: the calls the gateway carries at once
 * @param probeSeconds   interval of the OPTIONS health checks of every PBX node; 0 = none
 * @param silenceMillis  how long a PBX node may stay silent (not even 100 Trying) before the call goes to the backup
 * @param failuresToDown failed calls or probes in a row before a PBX node counts as down (tried last)
 * @param carriers       source addresses (IP literals) of the carriers that may send calls in; others get 403
 * @param tls            SIP over TLS on the gateway's own port ({@code gateway.tls.*}); off without a keystore
 */
public record GatewayConfig(int port, List<DidRoute> dids, int spans, int probeSeconds, long silenceMillis,
                            int failuresToDown, List<String> carriers, TlsConfig tls) {
    public GatewayConfig {
        dids = List.copyOf(dids);
        carriers = List.copyOf(carriers);
    }
}
