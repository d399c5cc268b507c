package com.crosspoint.api;

import com.crosspoint.api.dto.DidDto;
import com.crosspoint.api.dto.DidRequest;
import com.crosspoint.model.Did;
import com.crosspoint.provisioning.ProvisioningService;
import com.crosspoint.trunk.DidService;

/** {@code /api/v1/tenants/{tenantId}/dids}: the tenant's public numbers and what each rings. */
final class DidsHandler implements RouteGroup {
    private static final String BASE = "/api/v1/tenants/{tenantId}/dids";

    private final DidService dids;
    private final ProvisioningService provisioning;

    DidsHandler(DidService dids, ProvisioningService provisioning) {
        this.dids = dids;
        this.provisioning = provisioning;
    }

    @Override
    public void addRoutes(Router router) {
        router.add("GET", BASE, Access.LOGIN, this::list)
                .add("POST", BASE, Access.LOGIN, this::create)
                .add("GET", BASE + "/{didId}", Access.LOGIN, this::get)
                .add("PUT", BASE + "/{didId}", Access.LOGIN, this::update)
                .add("DELETE", BASE + "/{didId}", Access.LOGIN, this::delete);
    }

    private long tenant(ApiRequest rq) {
        long tenantId = rq.pathId("tenantId");
        rq.principal().requireTenantAdmin(tenantId);
        provisioning.tenant(tenantId);
        return tenantId;
    }

    private Reply list(ApiRequest rq) {
        return Reply.ok(dids.list(tenant(rq)).stream().map(DidDto::of).toList());
    }

    private Reply create(ApiRequest rq) throws Exception {
        long tenantId = tenant(rq);
        DidRequest body = rq.body(DidRequest.class);
        Did d = dids.create(tenantId, body.number(), body.extension(), Boolean.TRUE.equals(body.main()));
        return Reply.created(BASE.replace("{tenantId}", String.valueOf(tenantId)) + "/" + d.id(), DidDto.of(d));
    }

    private Reply get(ApiRequest rq) {
        return Reply.ok(DidDto.of(dids.get(tenant(rq), rq.pathId("didId"))));
    }

    private Reply update(ApiRequest rq) throws Exception {
        long tenantId = tenant(rq);
        DidRequest body = rq.body(DidRequest.class);
        return Reply.ok(DidDto.of(dids.update(tenantId, rq.pathId("didId"), body.number(), body.extension(),
                Boolean.TRUE.equals(body.main()))));
    }

    private Reply delete(ApiRequest rq) {
        dids.delete(tenant(rq), rq.pathId("didId"));
        return Reply.noContent();
    }
}
