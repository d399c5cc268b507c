package com.crosspoint.api;

import com.crosspoint.api.dto.CdrDto;
import com.crosspoint.api.dto.CdrPage;
import com.crosspoint.model.Disposition;
import com.crosspoint.provisioning.ProvisioningService;
import com.crosspoint.store.CdrStore;
import com.crosspoint.store.CdrStore.CdrFilter;
import java.time.Instant;
import java.util.Map;

/**
 * {@code GET /api/v1/tenants/{tenantId}/cdrs}: call records, newest first, filtered by party
 * (caller or callee), disposition and start time ({@code from} inclusive, {@code to} exclusive);
 * {@code .../cdrs/export}: the same as a CSV download.
 */
final class CdrsHandler implements RouteGroup {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    static final int MAX_EXPORT_ROWS = 100_000;

    private final CdrStore cdrs;
    private final ProvisioningService provisioning;

    CdrsHandler(CdrStore cdrs, ProvisioningService provisioning) {
        this.cdrs = cdrs;
        this.provisioning = provisioning;
    }

    @Override
    public void addRoutes(Router router) {
        router.add("GET", "/api/v1/tenants/{tenantId}/cdrs", Access.LOGIN, this::search)
                .add("GET", "/api/v1/tenants/{tenantId}/cdrs/export", Access.LOGIN, this::export);
    }

    private Reply search(ApiRequest rq) {
        long tenantId = rq.pathId("tenantId");
        rq.principal().requireTenantAdmin(tenantId);
        CdrFilter filter = filter(rq);
        int offset = rq.queryInt("offset", 0, 0, Integer.MAX_VALUE);
        int limit = rq.queryInt("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        provisioning.tenant(tenantId);
        return Reply.ok(new CdrPage(cdrs.search(tenantId, filter, offset, limit).stream().map(CdrDto::of).toList(),
                cdrs.count(tenantId, filter), offset, limit));
    }

    /** The same filters as the search, as a CSV download of at most {@value #MAX_EXPORT_ROWS} rows, newest first. */
    private Reply export(ApiRequest rq) {
        long tenantId = rq.pathId("tenantId");
        rq.principal().requireTenantAdmin(tenantId);
        CdrFilter filter = filter(rq);
        provisioning.tenant(tenantId);
        byte[] csv = CdrCsv.write(cdrs.search(tenantId, filter, 0, MAX_EXPORT_ROWS));
        return new Reply(200, new Reply.RawBody("text/csv; charset=utf-8", csv),
                Map.of("Content-Disposition", "attachment; filename=\"cdrs-" + tenantId + ".csv\""));
    }

    private static CdrFilter filter(ApiRequest rq) {
        String party = rq.query("party").orElse(null);
        Disposition disposition = rq.queryEnum("disposition", Disposition.class);
        Instant from = rq.queryInstant("from");
        Instant to = rq.queryInstant("to");
        if (from != null && to != null && !to.isAfter(from)) {
            throw ApiException.badRequest("to", "must be after from");
        }
        return new CdrFilter(party, disposition, from, to);
    }
}
