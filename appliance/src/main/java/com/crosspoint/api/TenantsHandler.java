package com.crosspoint.api;

import com.crosspoint.api.dto.TenantDto;
import com.crosspoint.api.dto.TenantRequest;
import com.crosspoint.provisioning.ProvisioningService;
import com.crosspoint.store.TenantStore;

/**
 * {@code /api/v1/tenants}: every login lists and reads the tenants it may see; only a SUPERADMIN
 * creates, changes or deletes them (a domain change is a realm change for every device).
 */
final class TenantsHandler implements RouteGroup {
    private static final String BASE = "/api/v1/tenants";

    private final TenantStore tenants;
    private final ProvisioningService provisioning;
    private final LoginSessions sessions;

    TenantsHandler(TenantStore tenants, ProvisioningService provisioning, LoginSessions sessions) {
        this.tenants = tenants;
        this.provisioning = provisioning;
        this.sessions = sessions;
    }

    @Override
    public void addRoutes(Router router) {
        router.add("GET", BASE, Access.LOGIN, this::list)
                .add("POST", BASE, Access.LOGIN, this::create)
                .add("GET", BASE + "/{tenantId}", Access.LOGIN, this::get)
                .add("PUT", BASE + "/{tenantId}", Access.LOGIN, this::update)
                .add("DELETE", BASE + "/{tenantId}", Access.LOGIN, this::delete);
    }

    private Reply list(ApiRequest rq) {
        Principal p = rq.principal();
        return Reply.ok(tenants.list().stream().filter(t -> p.seesTenant(t.id())).map(TenantDto::of).toList());
    }

    private Reply create(ApiRequest rq) throws Exception {
        rq.principal().requireSuperadmin();
        TenantRequest body = rq.body(TenantRequest.class);
        TenantDto t = TenantDto.of(provisioning.createTenant(body.name(), body.domain()));
        return Reply.created(BASE + "/" + t.id(), t);
    }

    private Reply get(ApiRequest rq) {
        long id = rq.pathId("tenantId");
        rq.principal().requireTenantView(id);
        return Reply.ok(TenantDto.of(provisioning.tenant(id)));
    }

    private Reply update(ApiRequest rq) throws Exception {
        long id = rq.pathId("tenantId");
        rq.principal().requireSuperadmin();
        TenantRequest body = rq.body(TenantRequest.class);
        return Reply.ok(TenantDto.of(provisioning.updateTenant(id, body.name(), body.domain())));
    }

    private Reply delete(ApiRequest rq) {
        long id = rq.pathId("tenantId");
        rq.principal().requireSuperadmin();
        provisioning.deleteTenant(id);
        // The tenant's accounts went with it; their tokens must not outlive them.
        sessions.closeTenant(id);
        return Reply.noContent();
    }
}
