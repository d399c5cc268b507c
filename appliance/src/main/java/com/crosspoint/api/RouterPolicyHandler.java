package com.crosspoint.api;

import com.crosspoint.acr.RoutingPolicyService;
import com.crosspoint.api.dto.RoutingPolicyDto;

/**
 * {@code /api/v1/router/policy} (SUPERADMIN: the router belongs to the node): the routing policy's weights, floors
 * and evidence. GET shows the one in force; PUT replaces it whole, stored before it applies, and the next call and
 * {@code routes/explain} rank by it while calls under way keep their carriers; DELETE goes back to the
 * configuration's ({@code router.policy.*}).
 */
final class RouterPolicyHandler implements RouteGroup {
    private static final String PATH = "/api/v1/router/policy";

    private final RoutingServices routing;

    RouterPolicyHandler(RoutingServices routing) {
        this.routing = routing;
    }

    @Override
    public void addRoutes(Router router) {
        router.add("GET", PATH, Access.LOGIN, this::get)
                .add("PUT", PATH, Access.LOGIN, this::replace)
                .add("DELETE", PATH, Access.LOGIN, this::reset);
    }

    private RoutingPolicyService policies(ApiRequest rq) {
        return CarriersHandler.require(routing, rq).policies();
    }

    private Reply get(ApiRequest rq) {
        RoutingPolicyService p = policies(rq);
        return Reply.ok(RoutingPolicyDto.of(p.current(), p.stored()));
    }

    private Reply replace(ApiRequest rq) throws Exception {
        RoutingPolicyService p = policies(rq);
        return Reply.ok(RoutingPolicyDto.of(p.replace(rq.body(RoutingPolicyDto.class).toPolicy()), true));
    }

    private Reply reset(ApiRequest rq) {
        return Reply.ok(RoutingPolicyDto.of(policies(rq).reset(), false));
    }
}
