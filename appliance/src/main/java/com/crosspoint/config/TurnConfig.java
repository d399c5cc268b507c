package com.crosspoint.config;

import java.util.List;
import java.util.Optional;

/**
 * The STUN/TURN server ({@code turn.*}; docs/admin-guide.md, "STUN and TURN").
 *
 * @param enabled                    whether the server runs at all ({@code turn.enabled})
 * @param port                       UDP and TCP port; 0 = a free one, for tests ({@code turn.port})
 * @param tls                        STUN/TURN over TLS, on when a keystore is set ({@code turn.tls})
 * @param realm                      the realm of challenges; empty = the default tenant's SIP domain ({@code turn.realm})
 * @param software                   the SOFTWARE attribute, without a version ({@code turn.software})
 * @param ioThreads                  NIO threads for all sockets ({@code turn.ioThreads})
 * @param relayPortMin               lowest relay port ({@code turn.relayPortMin})
 * @param relayPortMax               highest relay port ({@code turn.relayPortMax})
 * @param lifetimes                  allocation, permission, channel and nonce lifetimes
 * @param quotas                     allocations per user, per tenant and in all
 * @param requestsPerSecondPerSource STUN requests one IP address gets answered per second ({@code turn.requestsPerSecondPerSource})
 * @param tcpConnectionsPerSource TCP and TLS connections one IP address may hold ({@code turn.tcpConnectionsPerSource})
 * @param allowedPeers               CIDR ranges peers may be in although the policy refuses them ({@code turn.allowedPeers})
 * @param restSecret                 shared secret of ephemeral credentials; empty = random at each start ({@code turn.restSecret})
 * @param restTtlSeconds             how long issued ephemeral credentials last ({@code turn.restTtlSeconds})
 */
public record TurnConfig(boolean enabled, int port, TlsConfig tls, Optional<String> realm, String software,
                         int ioThreads, int relayPortMin, int relayPortMax, Lifetimes lifetimes, Quotas quotas,
                         int requestsPerSecondPerSource, int tcpConnectionsPerSource, List<String> allowedPeers,
                         Optional<String> restSecret, int restTtlSeconds) {

    public TurnConfig {
        allowedPeers = List.copyOf(allowedPeers);
    }

    /**
     * In seconds: an allocation's lifetime when the client asks for none and the most it gets; a permission's and a
     * channel binding's (RFC 8656: 300 and 600); a nonce's before it is stale (438).
     */
    public record Lifetimes(int allocation, int maxAllocation, int permission, int channel, int nonce) {
    }

    /** Allocations one user may hold, one tenant's users together, and the whole node. */
    public record Quotas(int perUser, int perTenant, int total) {
    }

    /** Keeps the secrets out of logs. */
    @Override
    public String toString() {
        return "TurnConfig[enabled=" + enabled + ", port=" + port + ", tls=" + tls + ", realm=" + realm.orElse("")
                + ", relayPorts=" + relayPortMin + ".." + relayPortMax + ", " + lifetimes + ", " + quotas
                + ", allowedPeers=" + allowedPeers + ", restSecret=" + Secrets.mask(restSecret.orElse("")) + "]";
    }
}
