package com.crosspoint.boot;

import com.crosspoint.acr.AdaptiveCallRouter;
import com.crosspoint.auth.AuthFailureThrottle;
import com.crosspoint.auth.DigestAlgorithm;
import com.crosspoint.config.CarrierTlsConfig;
import com.crosspoint.config.NetworkConfig;
import com.crosspoint.config.RouterConfig;
import com.crosspoint.config.SipAuthConfig;
import com.crosspoint.proxy.Proxy;
import com.crosspoint.proxy.core.ProxySettings;
import com.crosspoint.proxy.transaction.TimerSettings;
import com.crosspoint.proxy.transport.TlsClient;
import com.crosspoint.router.CarrierProbes;
import com.crosspoint.router.CarrierRouting;
import com.crosspoint.router.CustomerCallLimit;
import com.crosspoint.router.CustomerDigest;
import com.crosspoint.router.Customers;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The call-router role ({@code node.roles: router}): the lean SIP proxy core on {@code router.port} with the Adaptive
 * Call Router as its routing step ({@link CarrierRouting}), and the carriers' OPTIONS health checks on a thread of
 * their own (they look up host names). When the node runs the PBX too, the PBX's own addresses are customers.
 */
final class RouterRole implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RouterRole.class);
    private static final String LOOPBACK = "127.0.0.1";
    private static final int TRACKED_GUESSERS = 100_000;

    private final Proxy proxy;
    private final ScheduledExecutorService probing;
    private final CustomerCallLimit limit;

    RouterRole(RouterConfig config, NetworkConfig network, SipAuthConfig auth, boolean localPbx,
            AdaptiveCallRouter router, Clock clock) {
        Customers customers = Customers.of(customers(config, network, localPbx));
        // Its own count of wrong answers, on the PBX's thresholds (sip.auth.*): the router is a door of its own.
        AuthFailureThrottle guesses = new AuthFailureThrottle(auth.failureLimit(),
                Duration.ofSeconds(auth.failureWindowSeconds()), Duration.ofSeconds(auth.blockSeconds()),
                TRACKED_GUESSERS, clock);
        CustomerDigest digest = CustomerDigest.of(config.digestCustomers(),
                auth.algorithms().stream().map(a -> DigestAlgorithm.fromToken(a).orElseThrow()).toList(), guesses,
                clock);
        Set<String> limited = new HashSet<>();
        customers.addresses().forEach(a -> limited.add(CustomerCallLimit.byAddress(a)));
        digest.usernames().forEach(u -> limited.add(CustomerCallLimit.byUsername(u)));
        limit = new CustomerCallLimit(config.customerCallsPerSecond(), limited, System::nanoTime);
        CarrierRouting routing = new CarrierRouting(router, customers, limit, digest, clock);
        TimerSettings rfc = TimerSettings.RFC3261;
        ProxySettings settings = ProxySettings.defaults(network.advertisedAddress(), config.port())
                .withUdpThreads(config.udpThreads()).withMaxPending(config.maxPending())
                .withOverloadControl(config.overloadControl())
                .withTimers(new TimerSettings(rfc.t1(), rfc.t2(), rfc.t4(), rfc.timerB(), config.ringSeconds() * 1000L))
                .withSilence(config.silenceMillis());
        CarrierTlsConfig carrierTls = config.carrierTls();
        proxy = Proxy.start(settings, network.bind(), routing, config.tls().port(), ProxyTls.of(config.tls()),
                new TlsClient(carrierTls.clientContext(), carrierTls.verifyHostname(), carrierTls.handshakeTimeout()));
        probing = Executors.newSingleThreadScheduledExecutor(r -> MediaAddresses.daemon(r, "router-probes"));
        if (config.probeSeconds() > 0) {
            CarrierProbes probes = new CarrierProbes(router, proxy.core().prober(), routing);
            probing.scheduleWithFixedDelay(() -> {
                try {
                    probes.tick();
                } catch (RuntimeException e) {
                    LOG.warn("carrier health checks failed", e);
                }
            }, 0, config.probeSeconds(), TimeUnit.SECONDS);
        }
        LOG.info("Call router on port {}{}: customers {}", proxy.port(),
                proxy.tlsPort() == 0 ? "" : " (TLS " + proxy.tlsPort() + ")", customers.addresses());
    }

    private static List<String> customers(RouterConfig config, NetworkConfig network, boolean localPbx) {
        List<String> list = new ArrayList<>(config.customers());
        if (localPbx) {
            list.add(LOOPBACK);
            if (!isWildcard(network.bind())) {
                list.add(network.bind());
            }
            if (network.advertisedAddress().matches("[0-9.]+|.*:.*")) { // an IP literal, not a name
                list.add(network.advertisedAddress());
            }
        }
        return list;
    }

    private static boolean isWildcard(String ip) {
        return ip.equals("0.0.0.0") || ip.equals("::") || ip.equals("[::]");
    }

    Proxy proxy() {
        return proxy;
    }

    /** The customers' calls-per-second limit (its refusals). */
    CustomerCallLimit customerLimit() {
        return limit;
    }

    int port() {
        return proxy.port();
    }

    @Override
    public void close() {
        probing.shutdownNow();
        proxy.close();
    }
}
