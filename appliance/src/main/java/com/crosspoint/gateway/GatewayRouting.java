package com.crosspoint.gateway;

import com.crosspoint.proxy.core.RoutingDecision;
import com.crosspoint.proxy.core.Target;
import com.crosspoint.proxy.core.TargetResolver;
import com.crosspoint.proxy.transport.Destination;
import com.crosspoint.proxy.transport.Flow;
import com.crosspoint.proxy.wire.Method;
import com.crosspoint.proxy.wire.SipMessage;
import com.crosspoint.router.Customers;
import com.crosspoint.router.DialledNumber;
import com.crosspoint.trunk.TrunkTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * The media gateway's routing step in the proxy core: a carrier's INVITE for a DID seizes a trunk channel and goes
 * to the PBX node serving the DID, then to its backup (408, 5xx or silence there); a node that is down is tried
 * after the other one. Runs on the proxy's I/O threads and answers from memory.
 * <ul>
 *   <li>a source that is not one of the carriers ({@code gateway.carriers}): 403, counted; only carriers may also
 *       follow a pre-loaded Route or send inside a dialog the gateway does not carry;</li>
 *   <li>OPTIONS for the gateway itself (a carrier's health check): 200;</li>
 *   <li>other requests outside a dialog: 405 (the gateway carries calls only);</li>
 *   <li>a number no DID route covers: 404;</li>
 *   <li>every channel busy: 503 "All channels busy" (counted by the trunk group).</li>
 * </ul>
 */
public final class GatewayRouting implements TargetResolver {
    private static final RoutingDecision FORBIDDEN = new RoutingDecision.Refuse(403, "Forbidden");
    private static final RoutingDecision ALIVE = new RoutingDecision.Answer(200, "OK");
    private static final RoutingDecision NOT_ALLOWED = new RoutingDecision.Refuse(405, "Method Not Allowed");
    private static final RoutingDecision NO_SUCH_DID = new RoutingDecision.Refuse(404, "Not Found");
    private static final RoutingDecision ALL_BUSY = new RoutingDecision.Refuse(503, "All channels busy");
    private static final RoutingDecision NO_NODE = new RoutingDecision.Refuse(503, "No PBX Node Reachable");

    private final DidRoutes routes;
    private final TrunkGroup trunk;
    private final PbxHealth health;
    private final PbxHops hops;
    private final Customers carriers;
    private final LongAdder strangers = new LongAdder();

    public GatewayRouting(DidRoutes routes, TrunkGroup trunk, PbxHealth health, PbxHops hops, Customers carriers) {
        this.carriers = carriers;
        this.routes = routes;
        this.trunk = trunk;
        this.health = health;
        this.hops = hops;
    }

    @Override
    public RoutingDecision resolve(SipMessage request, Flow from) {
        if (!carriers.admits(from.remote().getAddress())) {
            strangers.increment();
            return FORBIDDEN;
        }
        String number = DialledNumber.of(request);
        if (request.method() == Method.OPTIONS && number == null) {
            return ALIVE;
        }
        if (request.method() != Method.INVITE) {
            return NOT_ALLOWED;
        }
        return route(number);
    }

    /** The decision for an INVITE for {@code number} (null: the Request-URI names no user). */
    RoutingDecision route(String number) {
        String did = number == null ? null : e164(number);
        Optional<DidRoute> route = did == null ? Optional.empty() : routes.routeOf(did);
        if (route.isEmpty()) {
            return NO_SUCH_DID;
        }
        List<TrunkTarget> nodes = inOrder(route.get());
        List<Destination> reachable = new ArrayList<>(2);
        List<TrunkTarget> reachableNodes = new ArrayList<>(2);
        for (TrunkTarget node : nodes) {
            Destination hop = hops.of(node);
            if (hop != null) {
                reachable.add(hop);
                reachableNodes.add(node);
            }
        }
        if (reachable.isEmpty()) {
            return NO_NODE;
        }
        Optional<TrunkGroup.Seat> seat = trunk.seize();
        if (seat.isEmpty()) {
            return ALL_BUSY;
        }
        CallChannel channel = new CallChannel(trunk, seat.get());
        List<Target> targets = new ArrayList<>(2);
        for (int i = 0; i < reachable.size(); i++) {
            TrunkTarget node = reachableNodes.get(i);
            boolean last = i == reachable.size() - 1;
            targets.add(new Target(reachable.get(i), node.uriFor(did), new PbxAttempt(node, health, channel, last)));
        }
        return new RoutingDecision.Targets(targets);
    }

    /** Primary first, unless it is down and its backup is not. */
    private List<TrunkTarget> inOrder(DidRoute route) {
        if (health.isDown(route.primary()) && !health.isDown(route.backup())) {
            return List.of(route.backup(), route.primary());
        }
        return List.of(route.primary(), route.backup());
    }

    /** The DID as E.164 with its {@code +}: carriers often send the digits alone. */
    private static String e164(String number) {
        if (number.matches("\\+[0-9]{1,15}")) {
            return number;
        }
        return number.matches("[0-9]{1,15}") ? "+" + number : null;
    }

    @Override
    public boolean trusts(Flow from) {
        return carriers.admits(from.remote().getAddress());
    }

    /** Requests refused because their source is not a carrier of {@code gateway.carriers}. */
    public long refusedStrangers() {
        return strangers.sum();
    }

    /** Whether the node is counted down (its DIDs go to their backup first). */
    public boolean isDown(TrunkTarget node) {
        return health.isDown(node);
    }

    public TrunkGroup trunk() {
        return trunk;
    }
}
