package com.crosspoint.config;

import com.crosspoint.gateway.DidRoute;
import com.crosspoint.gateway.DidRoutes;
import com.crosspoint.gateway.TrunkGroup;
import java.util.ArrayList;
import java.util.List;

/** Binds {@code gateway.*} (kept apart from {@link ConfigBinder}, which binds the rest). */
final class GatewayConfigBinder {
    private final ConfigValues values;

    GatewayConfigBinder(ConfigValues values) {
        this.values = values;
    }

    /** @param running whether this node runs the gateway (only then may its port not clash) */
    GatewayConfig gateway(boolean running) {
        int port = ranged("gateway.port", 0, 65_535);
        if (running && port != 0 && (port == values.integer("sip.port") || port == values.integer("router.port"))) {
            throw values.error("gateway.port", "must differ from sip.port and router.port (got " + port + ")");
        }
        return new GatewayConfig(port, dids(), ranged("gateway.spans", 1, TrunkGroup.MAX_SPANS),
                ranged("gateway.probeSeconds", 0, 3600), ranged("gateway.silenceMillis", 0, 60_000),
                ranged("gateway.failuresToDown", 1, 100), carriers(),
                TlsConfigBinder.bind(values, "gateway.tls."));
    }

    private List<String> carriers() {
        List<String> carriers = new ArrayList<>();
        for (String c : values.stringList("gateway.carriers")) {
            if (!AddressSyntax.isIpLiteral(c.trim()) || AddressSyntax.isWildcard(c.trim())) {
                throw values.error("gateway.carriers", "a carrier is an IP address, not \"" + c + "\"");
            }
            carriers.add(c.trim());
        }
        return carriers;
    }

    private List<DidRoute> dids() {
        List<DidRoute> routes = new ArrayList<>();
        for (String text : values.stringList("gateway.dids")) {
            DidRoute route;
            try {
                route = DidRoute.parse(text);
            } catch (IllegalArgumentException e) {
                throw values.error("gateway.dids", e.getMessage());
            }
            // the proxy core has no TLS side yet: such a node could never be reached
            if (route.primary().transport().equals("tls") || route.backup().transport().equals("tls")) {
                throw values.error("gateway.dids", "PBX nodes are reached over udp or tcp, not tls: \"" + text + "\"");
            }
            routes.add(route);
        }
        try {
            new DidRoutes(routes);
        } catch (IllegalArgumentException e) {
            throw values.error("gateway.dids", e.getMessage());
        }
        return routes;
    }

    private int ranged(String key, int min, int max) {
        int value = values.integer(key);
        if (value < min || value > max) {
            throw values.error(key, "must be " + min + ".." + max + " (got " + value + ")");
        }
        return value;
    }
}
