package com.crosspoint.api;

import com.crosspoint.directory.Directory;
import com.crosspoint.registrar.Registrar;

/** {@code GET /api/v1/tenants/{tenantId}/registrations}: the live bindings, from the registrar's memory. */
final class RegistrationsHandler implements RouteGroup {
    private final Registrar registrar;
    private final Directory directory;
    private final RegistrationMapper mapper;

    RegistrationsHandler(Registrar registrar, Directory directory, RegistrationMapper mapper) {
        this.registrar = registrar;
        this.directory = directory;
        this.mapper = mapper;
    }

    @Override
    public void addRoutes(Router router) {
        router.add("GET", "/api/v1/tenants/{tenantId}/registrations", Access.LOGIN, this::list);
    }

    private Reply list(ApiRequest rq) {
        long tenantId = rq.pathId("tenantId");
        rq.principal().requireTenantView(tenantId);
        directory.tenant(tenantId).orElseThrow(() -> ApiException.notFound("no tenant " + tenantId));
        return Reply.ok(registrar.list(tenantId).stream().map(mapper::toDto).toList());
    }
}
