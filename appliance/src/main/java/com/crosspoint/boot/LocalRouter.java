package com.crosspoint.boot;

import com.crosspoint.config.CrosspointConfig;
import com.crosspoint.config.TrunkConfig;
import com.crosspoint.im.MessageTransport;
import com.crosspoint.trunk.TrunkTarget;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** How the roles of one node find each other. */
final class LocalRouter {
    /** A node without the PBX has no phones to carry messages to: they stay stored. */
    static final MessageTransport NO_PHONES = (message, domain, devices) -> CompletableFuture.completedFuture(false);

    private LocalRouter() {
    }

    /**
     * The PBX's trunk configuration: as configured, except that a node running the router as well, with no
     * {@code trunk.routers} of its own, sends outside calls to its own router (on the bind address, loopback for a wildcard;
     * the router admits both as the local PBX).
     *
     * @param routerPort the local router's bound port, 0 when the node runs no router
     */
    static TrunkConfig trunk(CrosspointConfig config, int routerPort) {
        TrunkConfig t = config.trunk();
        if (routerPort == 0 || !t.routers().isEmpty()) {
            return t;
        }
        String bind = config.network().bind();
        String host = bind.equals("0.0.0.0") || bind.equals("::") ? "127.0.0.1" : bind;
        return new TrunkConfig(t.outside(), List.of(new TrunkTarget(host, routerPort, "udp")), t.gateways(),
                t.probeSeconds(), t.failuresToDown(), t.responseTimeoutSeconds());
    }
}
