package com.crosspoint.api;

import com.crosspoint.api.dto.CdrDto;
import com.crosspoint.api.dto.CdrPage;
import com.crosspoint.model.CallRecord;
import com.crosspoint.model.Disposition;
import com.crosspoint.model.RatedCall;
import com.crosspoint.provisioning.ProvisioningService;
import com.crosspoint.store.CdrStore;
import com.crosspoint.store.CdrStore.CdrFilter;
import com.crosspoint.store.LedgerStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/tenants/{tenantId}/cdrs}: call records, newest first, filtered by party
 * (caller or callee), disposition and start time ({@code from} inclusive, {@code to} exclusive);
 * {@code .../cdrs/export}: the same as a CSV download. Rated calls carry their cost, price and margin.
 */
final class CdrsHandler implements RouteGroup {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    static final int MAX_EXPORT_ROWS = 100_000;

    private final CdrStore cdrs;
    private final ProvisioningService provisioning;
    private final LedgerStore ledger;

    /** @param ledger where the calls' ratings are (cost, price, margin) */
    CdrsHandler(CdrStore cdrs, ProvisioningService provisioning, LedgerStore ledger) {
        this.cdrs = cdrs;
        this.ledger = ledger;
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
        List<CallRecord> page = cdrs.search(tenantId, filter, offset, limit);
        Map<Long, RatedCall> ratings = CdrRatings.of(ledger, page);
        return Reply.ok(new CdrPage(page.stream().map(r -> CdrDto.of(r, ratings.get(r.id()))).toList(),
                cdrs.count(tenantId, filter), offset, limit));
    }

    /** The same filters as the search, as a CSV download of at most {@value #MAX_EXPORT_ROWS} rows, newest first. */
    private Reply export(ApiRequest rq) {
        long tenantId = rq.pathId("tenantId");
        rq.principal().requireTenantAdmin(tenantId);
        CdrFilter filter = filter(rq);
        provisioning.tenant(tenantId);
        List<CallRecord> records = cdrs.search(tenantId, filter, 0, MAX_EXPORT_ROWS);
        byte[] csv = CdrCsv.write(records, CdrRatings.of(ledger, records));
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
