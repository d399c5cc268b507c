package com.crosspoint.boot;

import com.crosspoint.acr.AdaptiveCallRouter;
import com.crosspoint.call.ActiveCalls;
import com.crosspoint.events.EventBus;
import com.crosspoint.metrics.ApplianceMetrics;
import com.crosspoint.proxy.Proxy;
import com.crosspoint.proxy.core.ProxyCounters;
import com.crosspoint.registrar.Registrar;
import com.crosspoint.relay.rtp.RtpRelay;
import com.crosspoint.sip.EdgeRefusals;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the node's Prometheus metrics over the services' own counters (SIP refusals by their labels). */
final class Monitoring {
    private Monitoring() {
    }

    /** @param refusals, relay, routerRole and gatewayRole are null when the node runs no PBX (no router, gateway) */
    static ApplianceMetrics metrics(Registrar registrar, ActiveCalls calls, EventBus events, EdgeRefusals refusals,
                                    RtpRelay relay, AdaptiveCallRouter router, RouterRole routerRole,
                                    GatewayRole gatewayRole) {
        ApplianceMetrics metrics = new ApplianceMetrics(new ApplianceMetrics.Sources(registrar, calls, events, () -> {
            Map<String, Long> byLabel = new LinkedHashMap<>();
            if (refusals != null) {
                refusals.snapshot().forEach((reason, count) -> byLabel.put(reason.label(), count));
            }
            return byLabel;
        }, relay == null ? null : relay::callCount, relay == null ? null : relay::callsOpened, router));
        if (routerRole != null) {
            proxyCounters(metrics, routerRole.proxy(), "router", "the call router", "carrier");
            metrics.counter("router.customer.limited", "Calls refused with 503 because their customer was over "
                    + "router.customerCallsPerSecond", routerRole.customerLimit()::refused);
            metrics.counter("router.proxy.challenges", "Carriers' digest challenges answered with their credentials",
                    routerRole.proxy().counters()::challengesAnswered);
        }
        if (gatewayRole != null) {
            proxyCounters(metrics, gatewayRole.proxy(), "gateway", "the media gateway", "PBX node");
            GatewayMetrics.bind(metrics, gatewayRole.routing(), gatewayRole.dids());
        }
        return metrics;
    }

    /** A role's proxy core: what it forwarded, refused and failed over, and what it holds now. */
    private static void proxyCounters(ApplianceMetrics metrics, Proxy proxy, String role, String who, String hop) {
        ProxyCounters c = proxy.counters();
        String p = role + ".proxy.";
        metrics.counter(p + "requests", "SIP requests " + who + " received", c::requests);
        metrics.counter(p + "responses", "SIP responses " + who + " received", c::responses);
        metrics.counter(p + "overloaded", "New requests answered 503 + Retry-After for overload (an input queue that "
                + "does not drain, or maxPending reached), and their retransmissions", c::overloaded);
        metrics.counter(p + "failovers", "Calls moved on to the next " + hop + " (408, 5xx, timeout)", c::failovers);
        metrics.counter(p + "silent", hop + " branches given up for silence", c::silentBranches);
        metrics.counter(p + "skipped", hop + "s skipped because their channels or calls/s were full",
                c::targetsSkipped);
        metrics.counter(p + "refused", "Requests refused by the routing step (403, 404, 405, 503)",
                c::refusedByResolver);
        metrics.counter(p + "dropped", "Messages dropped (responses not ours, unanswerable refusals)", c::dropped);
        metrics.counter(p + "transport.errors", "Connections to a next hop that failed before carrying anything "
                + "(refused, TLS certificate or name refused, handshake overdue): each fails its requests over at once",
                c::transportErrors);
        metrics.counter(p + "malformed", "Messages refused by the scanner (RFC 4475 rules, limits)",
                () -> c.refusals().values().stream().mapToLong(Long::longValue).sum());
        metrics.gauge(p + "pending", "Transactions awaiting a final answer", () -> proxy.core().pendingTransactions());
        metrics.gauge(p + "admitted.percent", "Percent of new requests admitted now (100 = all; lower while the "
                + "input queues faster than it is handled)", () -> (int) Math.round(100 * proxy.core().admittedShare()));
        metrics.gauge(p + "backlog.millis", "How long the most backed-up input had gone without being found empty "
                + "(0-50 when it keeps up; 100 and more is overload)", () -> (int) Math.min(Integer.MAX_VALUE, proxy.core().backlogMillis()));
        metrics.gauge(p + "occupancy.percent", "Percent of the last 100 ms the I/O threads spent handling messages "
                + "(wall time: a thread waiting for a core counts)", () -> (int) Math.round(100 * proxy.core().occupancy()));
        metrics.gauge(p + "dialogs", "Answered calls through " + who + " awaiting their BYE",
                () -> proxy.core().trackedDialogs());
    }
}
