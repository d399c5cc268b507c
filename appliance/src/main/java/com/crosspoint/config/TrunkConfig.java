package com.crosspoint.config;

import com.crosspoint.trunk.GatewayRoute;
import com.crosspoint.trunk.OutsidePolicy;
import com.crosspoint.trunk.TrunkTarget;
import java.util.List;
import java.util.Objects;

/**
 * How the PBX's users call outside ({@code trunk.*}).
 *
 * @param outside                what users may dial outside and how it becomes E.164
 * @param routers                the call routers external calls go to, primary first (round robin, failover)
 * @param gateways               number prefixes that go to a gateway instead
 * @param probeSeconds           interval of the OPTIONS health checks of every router and gateway; 0 = none
 * @param failuresToDown         consecutive failures (calls or checks) that mark a server down
 * @param responseTimeoutSeconds how long a server may stay silent (not even 100 Trying) before the call moves on
 */
public record TrunkConfig(OutsidePolicy outside, List<TrunkTarget> routers, List<GatewayRoute> gateways,
                          int probeSeconds, int failuresToDown, int responseTimeoutSeconds) {
    public TrunkConfig {
        Objects.requireNonNull(outside, "outside");
        routers = List.copyOf(routers);
        gateways = List.copyOf(gateways);
    }
}
