package com.crosspoint.api;

import com.crosspoint.api.dto.HealthDto;
import com.crosspoint.call.ActiveCalls;
import com.crosspoint.registrar.Registrar;
import java.util.function.IntSupplier;

/** {@code GET /api/v1/health}: no login, for load balancers and monitoring. */
final class HealthHandler implements RouteGroup {
    private final String node;
    private final IntSupplier sipPort;
    private final Registrar registrar;
    private final ActiveCalls calls;

    HealthHandler(String node, IntSupplier sipPort, Registrar registrar, ActiveCalls calls) {
        this.node = node;
        this.sipPort = sipPort;
        this.registrar = registrar;
        this.calls = calls;
    }

    @Override
    public void addRoutes(Router router) {
        router.add("GET", "/api/v1/health", Access.PUBLIC,
                rq -> Reply.ok(new HealthDto("ok", node, sipPort.getAsInt(), registrar.size(), calls.size())));
    }
}
