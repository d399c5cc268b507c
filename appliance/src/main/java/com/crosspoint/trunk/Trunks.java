package com.crosspoint.trunk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Which servers an external call is offered to, in order. A number a gateway route names (longest prefix first)
 * goes to that gateway only; everything else goes to the call routers: the healthy ones first, taking turns
 * (round robin spreads the load), then those marked down, as a last resort (a health check can be wrong; a call
 * that might get through is not refused for it). The caller tries them serially, moving on after a timeout or a
 * 503, and reports each outcome here. Thread-safe.
 */
public final class Trunks {
    private final List<TrunkTarget> routers;
    private final List<GatewayRoute> gateways;
    private final Map<TrunkTarget, TargetHealth> health = new LinkedHashMap<>();
    private final AtomicInteger turn = new AtomicInteger();

    /**
     * @param routers        the call routers, primary first
     * @param gateways       number patterns that leave elsewhere
     * @param failuresToDown consecutive failures (calls or health checks) that mark a server down
     */
    public Trunks(List<TrunkTarget> routers, List<GatewayRoute> gateways, int failuresToDown) {
        this.routers = List.copyOf(routers);
        this.gateways = gateways.stream().sorted(Comparator.comparingInt((GatewayRoute g) -> g.prefix().length())
                .reversed()).toList();
        for (TrunkTarget t : this.routers) {
            health.put(t, new TargetHealth(failuresToDown));
        }
        for (GatewayRoute g : this.gateways) {
            health.putIfAbsent(g.gateway(), new TargetHealth(failuresToDown));
        }
    }

    /** Whether any server takes external calls: without one, every external number is refused. */
    public boolean configured() {
        return !health.isEmpty();
    }

    /** The call routers, primary first. */
    public List<TrunkTarget> routers() {
        return routers;
    }

    /** The number prefixes that go to a gateway, longest first. */
    public List<GatewayRoute> gatewayRoutes() {
        return gateways;
    }

    /** Every server this node sends calls to and health-checks. */
    public List<TrunkTarget> servers() {
        return List.copyOf(health.keySet());
    }

    /** The servers to offer a call to {@code number} (E.164, or an emergency number as dialled), in order. */
    public List<TrunkTarget> targetsFor(String number) {
        for (GatewayRoute g : gateways) {
            if (number.startsWith(g.prefix())) {
                return List.of(g.gateway());
            }
        }
        if (routers.isEmpty()) {
            return List.of();
        }
        int start = Math.floorMod(turn.getAndIncrement(), routers.size());
        List<TrunkTarget> up = new ArrayList<>(routers.size());
        List<TrunkTarget> down = new ArrayList<>();
        for (int i = 0; i < routers.size(); i++) {
            TrunkTarget t = routers.get((start + i) % routers.size());
            (health.get(t).up() ? up : down).add(t);
        }
        down.sort(Comparator.comparingInt(routers::indexOf));
        up.addAll(down);
        return up;
    }

    /** {@code target} answered (a call got a response other than 503 or a timeout, a health check an answer). */
    public void succeeded(TrunkTarget target) {
        healthOf(target).succeeded();
    }

    /** {@code target} failed a call (timeout, 503) or a health check. */
    public void failed(TrunkTarget target) {
        healthOf(target).failed();
    }

    public boolean isUp(TrunkTarget target) {
        return healthOf(target).up();
    }

    private TargetHealth healthOf(TrunkTarget target) {
        return Objects.requireNonNull(health.get(target), () -> "not a trunk server: " + target);
    }

    /** Consecutive failures of one server and whether they have marked it down. */
    private static final class TargetHealth {
        private final int failuresToDown;
        private int failures;

        TargetHealth(int failuresToDown) {
            this.failuresToDown = failuresToDown;
        }

        synchronized boolean up() {
            return failures < failuresToDown;
        }

        synchronized void succeeded() {
            failures = 0;
        }

        synchronized void failed() {
            failures++;
        }
    }
}
