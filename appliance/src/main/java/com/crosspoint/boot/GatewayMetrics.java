package com.crosspoint.boot;

import com.crosspoint.gateway.DidRoute;
import com.crosspoint.gateway.GatewayRouting;
import com.crosspoint.gateway.TrunkGroup;
import com.crosspoint.metrics.ApplianceMetrics;
import com.crosspoint.trunk.TrunkTarget;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The media gateway's own series: its trunk's spans, its PBX nodes' state and the strangers it refused. */
final class GatewayMetrics {
    private GatewayMetrics() {
    }

    static void bind(ApplianceMetrics metrics, GatewayRouting routing, List<DidRoute> dids) {
        TrunkGroup trunk = routing.trunk();
        for (int i = 0; i < trunk.channels() / TrunkGroup.CHANNELS_PER_SPAN; i++) {
            int span = i;
            String label = Integer.toString(span);
            metrics.gauge("gateway.span.in.use", "Channels of a T1 span in use now", "span", label,
                    () -> trunk.span(span).inUse());
            metrics.counter("gateway.span.seized", "Calls a T1 span has carried", "span", label,
                    () -> trunk.span(span).seized());
        }
        metrics.counter("gateway.trunk.full", "Calls refused with 503 because every channel was busy", trunk::refused);
        metrics.counter("gateway.refused.stranger", "Requests refused with 403: not from a carrier of gateway.carriers",
                routing::refusedStrangers);
        Set<TrunkTarget> nodes = new LinkedHashSet<>();
        for (DidRoute r : dids) {
            nodes.add(r.primary());
            nodes.add(r.backup());
        }
        for (TrunkTarget node : nodes) {
            metrics.gauge("gateway.pbx.up", "1 while the PBX node counts as up, 0 while down (its DIDs go to "
                    + "their backup)", "node", node.toString(), () -> routing.isDown(node) ? 0 : 1);
        }
    }
}
