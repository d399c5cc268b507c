package com.crosspoint.proxy.core;

import com.crosspoint.proxy.transport.Destination;
import com.crosspoint.proxy.wire.SipMessage;
import java.util.List;

/** Every initial request to the same ordered next hops: for tests and a fixed carrier pair until the ACR plugs in. */
public final class StaticTargetResolver implements TargetResolver {
    private final RoutingDecision decision;

    public StaticTargetResolver(List<Destination> hops) {
        this.decision = hops.isEmpty() ? new RoutingDecision.Refuse(404, "No Route") : new RoutingDecision.Targets(hops);
    }

    @Override
    public RoutingDecision resolve(SipMessage request) {
        return decision;
    }
}
