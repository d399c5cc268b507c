package com.crosspoint.api;

import com.crosspoint.acr.AdaptiveCallRouter;
import com.crosspoint.acr.availability.BreakerState;
import com.crosspoint.acr.quality.CarrierQuality;
import com.crosspoint.api.dto.CarrierDto;
import com.crosspoint.api.dto.CarrierPatch;
import com.crosspoint.api.dto.CarrierQualityDto;
import com.crosspoint.api.dto.CarrierRequest;
import com.crosspoint.api.dto.QualityDto;
import com.crosspoint.api.dto.RouteExplanationDto;
import com.crosspoint.model.Carrier;
import com.crosspoint.provisioning.ValidationException;

/**
 * {@code /api/v1/carriers}: the call router's carriers (SUPERADMIN: they belong to the node), and their live
 * quality ({@code /carriers/quality}, any login that sees every tenant: what the console's carrier tab reads).
 */
final class CarriersHandler implements RouteGroup {
    static final String BASE = "/api/v1/carriers";
    private static final String ONE = BASE + "/{carrierId}";

    private final RoutingServices routing;

    CarriersHandler(RoutingServices routing) {
        this.routing = routing;
    }

    @Override
    public void addRoutes(Router router) {
        // quality before {carrierId}: the router takes the first template that matches
        router.add("GET", BASE + "/quality", Access.LOGIN, this::quality)
                .add("GET", BASE, Access.LOGIN, this::list)
                .add("POST", BASE, Access.LOGIN, this::create)
                .add("GET", ONE, Access.LOGIN, this::get)
                .add("PUT", ONE, Access.LOGIN, this::replace)
                .add("PATCH", ONE, Access.LOGIN, this::patch)
                .add("DELETE", ONE, Access.LOGIN, this::delete);
    }

    /** The node's carriers are the superadmin's; 404 on a node without a call router. */
    static RoutingServices require(RoutingServices routing, ApiRequest rq) {
        rq.principal().requireSuperadmin();
        return available(routing);
    }

    static RoutingServices available(RoutingServices routing) {
        if (routing == null) {
            throw ApiException.notFound("this node runs no call router");
        }
        return routing;
    }

    private Reply list(ApiRequest rq) {
        return Reply.ok(require(routing, rq).carriers().list().stream().map(CarrierDto::of).toList());
    }

    private Reply get(ApiRequest rq) {
        return Reply.ok(CarrierDto.of(require(routing, rq).carriers().get(rq.pathId("carrierId"))));
    }

    private Reply create(ApiRequest rq) throws Exception {
        RoutingServices r = require(routing, rq);
        Carrier created = r.carriers().create(rq.body(CarrierRequest.class).toCarrier(0, null));
        return Reply.created(BASE + "/" + created.id(), CarrierDto.of(created));
    }

    private Reply replace(ApiRequest rq) throws Exception {
        RoutingServices r = require(routing, rq);
        Carrier stored = r.carriers().get(rq.pathId("carrierId"));
        return Reply.ok(CarrierDto.of(r.carriers().update(rq.body(CarrierRequest.class).toCarrier(stored.id(), stored))));
    }

    /** Only the in-service flag: out of service and back, without restating the carrier. */
    private Reply patch(ApiRequest rq) throws Exception {
        RoutingServices r = require(routing, rq);
        long id = rq.pathId("carrierId");
        CarrierPatch body = rq.body(CarrierPatch.class);
        if (body.inService() == null) {
            throw new ValidationException("inService", "is required: true or false");
        }
        return Reply.ok(CarrierDto.of(r.carriers().setInService(id, body.inService())));
    }

    private Reply delete(ApiRequest rq) {
        RoutingServices r = require(routing, rq);
        long id = rq.pathId("carrierId");
        r.carriers().delete(id);
        r.spans().forget(id);
        r.imports().forget(id);
        return Reply.noContent();
    }

    private Reply quality(ApiRequest rq) {
        if (!rq.principal().global()) {
            throw ApiException.forbidden("needs a login that sees every tenant");
        }
        AdaptiveCallRouter router = available(routing).router();
        return Reply.ok(routing.carriers().list().stream().map(c -> {
            long cost = router.spend().costPerMinuteMicros(c.id());
            return new CarrierQualityDto(c.id(), c.name(), status(router, c), router.channelsInUse(c.id()),
                    router.recentCallsPerSecond(c.id()), QualityDto.of(router.quality().figures(c.id(), CarrierQuality.ALL)),
                    cost < 0 ? null : RouteExplanationDto.money(cost));
        }).toList());
    }

    private static String status(AdaptiveCallRouter router, Carrier c) {
        if (!c.inService()) {
            return "OUT_OF_SERVICE";
        }
        BreakerState breaker = router.probes().of(c.id()).state();
        return breaker == BreakerState.OPEN ? "UNAVAILABLE" : breaker == BreakerState.HALF_OPEN ? "TRIAL" : "IN_SERVICE";
    }
}
