package com.crosspoint.api;

import com.crosspoint.api.dto.CallDto;
import com.crosspoint.call.ActiveCalls;
import com.crosspoint.call.CallControl;
import com.crosspoint.directory.Directory;

/**
 * {@code /api/v1/tenants/{tenantId}/calls}: calls in progress, and hanging one up. The Call-ID is
 * URL-encoded in the path (it may hold '@', '/', '%').
 */
final class CallsHandler implements RouteGroup {
    private final ActiveCalls calls;
    private final CallControl control;
    private final Directory directory;

    CallsHandler(ActiveCalls calls, CallControl control, Directory directory) {
        this.calls = calls;
        this.control = control;
        this.directory = directory;
    }

    @Override
    public void addRoutes(Router router) {
        router.add("GET", "/api/v1/tenants/{tenantId}/calls", Access.LOGIN, this::list)
                .add("DELETE", "/api/v1/tenants/{tenantId}/calls/{callId}", Access.LOGIN, this::hangUp);
    }

    private long tenant(ApiRequest rq) {
        long tenantId = rq.pathId("tenantId");
        rq.principal().requireTenantView(tenantId);
        directory.tenant(tenantId).orElseThrow(() -> ApiException.notFound("no tenant " + tenantId));
        return tenantId;
    }

    private Reply list(ApiRequest rq) {
        return Reply.ok(calls.list(tenant(rq)).stream().map(new CallDtos(directory)::of).toList());
    }

    /** 202: the hang-up runs on the call's lane; {@code call.ended} follows on the event stream. */
    private Reply hangUp(ApiRequest rq) {
        long tenantId = tenant(rq);
        String callId = rq.path("callId");
        boolean known = calls.find(callId).filter(c -> c.tenantId() == tenantId).isPresent();
        if (!known || !control.hangUp(callId)) {
            throw ApiException.notFound("no call " + callId + " in tenant " + tenantId);
        }
        return Reply.accepted();
    }
}
