package com.crosspoint.boot;

import com.crosspoint.acr.AdaptiveCallRouter;
import com.crosspoint.call.ActiveCalls;
import com.crosspoint.events.EventBus;
import com.crosspoint.metrics.ApplianceMetrics;
import com.crosspoint.registrar.Registrar;
import com.crosspoint.relay.rtp.RtpRelay;
import com.crosspoint.sip.EdgeRefusals;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the node's Prometheus metrics over the services' own counters (SIP refusals by their labels). */
final class Monitoring {
    private Monitoring() {
    }

    static ApplianceMetrics metrics(Registrar registrar, ActiveCalls calls, EventBus events, EdgeRefusals refusals,
                                    RtpRelay relay, AdaptiveCallRouter router) {
        return new ApplianceMetrics(new ApplianceMetrics.Sources(registrar, calls, events, () -> {
            Map<String, Long> byLabel = new LinkedHashMap<>();
            refusals.snapshot().forEach((reason, count) -> byLabel.put(reason.label(), count));
            return byLabel;
        }, relay == null ? null : relay::callCount, relay == null ? null : relay::callsOpened, router));
    }
}
