package com.crosspoint.boot;

import com.crosspoint.config.GatewayConfig;
import com.crosspoint.config.NetworkConfig;
import com.crosspoint.gateway.DidRoute;
import com.crosspoint.gateway.DidRoutes;
import com.crosspoint.gateway.GatewayRouting;
import com.crosspoint.gateway.PbxHealth;
import com.crosspoint.gateway.PbxHops;
import com.crosspoint.gateway.PbxProbes;
import com.crosspoint.gateway.TrunkGroup;
import com.crosspoint.proxy.Proxy;
import com.crosspoint.proxy.core.ProxySettings;
import com.crosspoint.router.Customers;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media gateway role ({@code node.roles: gateway}): the lean SIP proxy core on {@code gateway.port} with
 * {@link GatewayRouting} as its routing step (each DID to its PBX node or that node's backup, through a trunk of
 * T1 spans), and the PBX nodes' OPTIONS health checks on a thread of their own (they look up host names).
 */
final class GatewayRole implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayRole.class);

    private final Proxy proxy;
    private final GatewayRouting routing;
    private final ScheduledExecutorService probing;
    private final List<DidRoute> dids;

    GatewayRole(GatewayConfig config, NetworkConfig network) {
        dids = config.dids();
        PbxHops hops = new PbxHops();
        for (DidRoute r : config.dids()) { // looked up once here, so calls are routed from the first one
            hops.refresh(r.primary());
            hops.refresh(r.backup());
        }
        PbxHealth health = new PbxHealth(config.failuresToDown());
        routing = new GatewayRouting(new DidRoutes(config.dids()), new TrunkGroup(config.spans()), health, hops,
                Customers.of(config.carriers()));
        if (config.carriers().isEmpty()) {
            LOG.warn("gateway.carriers is empty: the media gateway refuses every call (403) until carriers are listed");
        }
        ProxySettings settings = ProxySettings.defaults(network.advertisedAddress(), config.port())
                .withSilence(config.silenceMillis());
        proxy = Proxy.start(settings, network.bind(), routing, config.tls().port(), ProxyTls.of(config.tls()));
        probing = Executors.newSingleThreadScheduledExecutor(r -> MediaAddresses.daemon(r, "gateway-probes"));
        if (config.probeSeconds() > 0) {
            PbxProbes probes = new PbxProbes(config.dids(), proxy.core().prober(), hops, health);
            probing.scheduleWithFixedDelay(() -> {
                try {
                    probes.tick();
                } catch (RuntimeException e) {
                    LOG.warn("PBX node health checks failed", e);
                }
            }, 0, config.probeSeconds(), TimeUnit.SECONDS);
        }
        LOG.info("Media gateway on port {}: {} DID routes, {} channels", proxy.port(), config.dids().size(),
                routing.trunk().channels());
    }

    int port() {
        return proxy.port();
    }

    Proxy proxy() {
        return proxy;
    }

    GatewayRouting routing() {
        return routing;
    }

    List<DidRoute> dids() {
        return dids;
    }

    TrunkGroup trunk() {
        return routing.trunk();
    }

    @Override
    public void close() {
        probing.shutdownNow();
        proxy.close();
    }
}
