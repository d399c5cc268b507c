package com.crosspoint.api;

import com.crosspoint.api.dto.SecurityDto;
import java.util.function.LongSupplier;

/** {@code GET /api/v1/security} (SUPERADMIN): the counters of the web API's defences. */
final class SecurityHandler implements RouteGroup {
    private final SecurityCounters counters;
    private final LongSupplier refusedConnections;

    SecurityHandler(SecurityCounters counters, LongSupplier refusedConnections) {
        this.counters = counters;
        this.refusedConnections = refusedConnections;
    }

    @Override
    public void addRoutes(Router router) {
        router.add("GET", "/api/v1/security", Access.LOGIN, rq -> {
            rq.principal().requireSuperadmin();
            return Reply.ok(new SecurityDto(refusedConnections.getAsLong(), counters.slowBodies(),
                    counters.refusedEventStreams()));
        });
    }
}
