package com.crosspoint.proxy.core;

import com.crosspoint.proxy.transport.Destination;
import com.crosspoint.proxy.transport.Flow;
import com.crosspoint.proxy.wire.SipMessage;
import java.util.List;

/** Every initial request to the same ordered next hops: for tests and fixed next hops. */
public final class StaticTargetResolver implements TargetResolver {
    private final RoutingDecision decision;

    public StaticTargetResolver(List<Destination> hops) {
        this.decision = hops.isEmpty() ? new RoutingDecision.Refuse(404, "No Route") : RoutingDecision.Targets.of(hops);
    }

    @Override
    public RoutingDecision resolve(SipMessage request, Flow from) {
        return decision;
    }
}
