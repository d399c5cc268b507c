package com.crosspoint.proxy.core;

import com.crosspoint.proxy.transport.Destination;
import java.util.List;

/** The answer of a {@link TargetResolver}. */
public sealed interface RoutingDecision {
    /** Next hops in the order to try them (serial forking with failover). */
    record Targets(List<Destination> hops) implements RoutingDecision {
        public Targets {
            hops = List.copyOf(hops);
            if (hops.isEmpty()) {
                throw new IllegalArgumentException("no targets: refuse instead");
            }
        }
    }

    /** No route: the request is answered with this status. */
    record Refuse(int status, String reason) implements RoutingDecision {
        public Refuse {
            if (status < 300 || status > 699) {
                throw new IllegalArgumentException("a refusal is a final error status: " + status);
            }
        }
    }
}
