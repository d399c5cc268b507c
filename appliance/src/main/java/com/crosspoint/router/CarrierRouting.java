package com.crosspoint.router;

import com.crosspoint.acr.AdaptiveCallRouter;
import com.crosspoint.acr.policy.CandidateAssessment;
import com.crosspoint.acr.policy.RouteDecision;
import com.crosspoint.acr.policy.RouteTarget;
import com.crosspoint.model.Carrier;
import com.crosspoint.model.CarrierTransport;
import com.crosspoint.proxy.core.RoutingDecision;
import com.crosspoint.proxy.core.Target;
import com.crosspoint.proxy.core.TargetResolver;
import com.crosspoint.proxy.transport.Destination;
import com.crosspoint.proxy.transport.Flow;
import com.crosspoint.proxy.wire.Method;
import com.crosspoint.proxy.wire.SipMessage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The call router's routing step in the proxy core: a customer's INVITE for a number goes to the carriers the
 * Adaptive Call Router ranks for it, one after another, each with its own Request-URI (the carrier's tech prefix
 * and host); a carrier with no channel left is skipped when its turn comes; a carrier's digest challenge is answered
 * once with its credentials ({@link CarrierDigest}), and one not answered moves the call on to the next carrier. Runs
 * on the proxy's I/O threads and answers from memory.
 * <ul>
 *   <li>not a customer by address: an INVITE is checked against the customers known by digest
 *       ({@link CustomerDigest}: 407, then admitted or 403); anything else gets 403;</li>
 *   <li>a customer over its calls per second ({@link CustomerCallLimit}): 503 + Retry-After;</li>
 *   <li>OPTIONS for the router itself (a PBX's health check): 200;</li>
 *   <li>other requests outside a dialog: 405 (the router carries calls only);</li>
 *   <li>no carrier has a rate for the number: 404; carriers have one but none may take the call now
 *       (breakers open, limits reached, quality floors): 503, so the PBX tries its next router.</li>
 * </ul>
 */
public final class CarrierRouting implements TargetResolver {
    private static final RoutingDecision FORBIDDEN = new RoutingDecision.Refuse(403, "Forbidden");
    private static final RoutingDecision ALIVE = new RoutingDecision.Answer(200, "OK");
    private static final RoutingDecision NOT_ALLOWED = new RoutingDecision.Refuse(405, "Method Not Allowed");
    private static final RoutingDecision NO_ROUTE = new RoutingDecision.Refuse(404, "No Route");
    private static final RoutingDecision NO_CARRIER = new RoutingDecision.Refuse(503, "No Carrier Available");
    private static final RoutingDecision OVER_LIMIT = new RoutingDecision.Refuse(503, "Too Many Calls", 1);

    private final AdaptiveCallRouter router;
    private final Customers customers;
    private final CustomerCallLimit limit;
    private final CustomerDigest digest;
    private final CarrierHops hops;
    private final Clock clock;

    public CarrierRouting(AdaptiveCallRouter router, Customers customers, CustomerCallLimit limit,
            CustomerDigest digest, Clock clock) {
        this.router = router;
        this.customers = customers;
        this.limit = limit;
        this.digest = digest;
        this.hops = new CarrierHops();
        this.clock = clock;
    }

    @Override
    public RoutingDecision resolve(SipMessage request, Flow from) {
        String customer;
        if (customers.admits(from.remote().getAddress())) {
            customer = CustomerCallLimit.byAddress(from.remote().getAddress());
        } else if (digest.enabled() && request.method() == Method.INVITE) {
            CustomerDigest.Outcome outcome = digest.check(request, from.remote().getAddress().getHostAddress());
            if (outcome instanceof CustomerDigest.Refused refused) {
                return refused.response();
            }
            customer = CustomerCallLimit.byUsername(((CustomerDigest.Admitted) outcome).username());
        } else {
            return FORBIDDEN;
        }
        String number = DialledNumber.of(request);
        if (request.method() == Method.OPTIONS && number == null) {
            return ALIVE;
        }
        if (request.method() != Method.INVITE) {
            return NOT_ALLOWED;
        }
        if (!limit.admits(customer)) {
            return OVER_LIMIT;
        }
        if (number == null) {
            return NO_ROUTE;
        }
        RouteDecision decision = router.route(number, clock.instant());
        List<RouteTarget> carriers = decision.carriersToTry();
        if (carriers.isEmpty()) {
            return anyRate(decision) ? NO_CARRIER : NO_ROUTE;
        }
        String digits = number.startsWith("+") ? number.substring(1) : number;
        List<Target> targets = new ArrayList<>(carriers.size());
        for (RouteTarget t : carriers) {
            Carrier c = t.carrier();
            Destination hop = hops.of(c);
            if (hop != null) {
                String user = c.techPrefix().isEmpty() ? number : c.techPrefix() + digits;
                targets.add(new Target(hop, requestUri(user, c), new CarrierAttempt(router.attempts(), c.id(), number,
                        clock), CarrierDigest.of(c.credentials())));
            }
        }
        return targets.isEmpty() ? NO_CARRIER : new RoutingDecision.Targets(targets);
    }

    /** Only customers' requests may follow a pre-loaded Route or a Request-URI outside a dialog of ours. */
    @Override
    public boolean trusts(Flow from) {
        return customers.admits(from.remote().getAddress());
    }

    /** The carrier's look-up of host names, for the prober's thread. */
    CarrierHops hops() {
        return hops;
    }

    private static String requestUri(String user, Carrier c) {
        String uri = "sip:" + user + "@" + c.address();
        return c.transport() == CarrierTransport.TCP ? uri + ";transport=tcp" : uri;
    }

    private static boolean anyRate(RouteDecision decision) {
        for (CandidateAssessment c : decision.candidates()) {
            if (c.rate() != null) {
                return true;
            }
        }
        return false;
    }
}
