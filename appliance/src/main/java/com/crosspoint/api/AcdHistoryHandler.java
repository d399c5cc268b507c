package com.crosspoint.api;

import com.crosspoint.acd.QueueConfig;
import com.crosspoint.acd.report.Interval;
import com.crosspoint.acd.service.AcdService;
import com.crosspoint.api.dto.AcdHistoryDto;
import com.crosspoint.directory.Directory;
import com.crosspoint.model.User;
import com.crosspoint.provisioning.ProvisioningService;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/tenants/{tenantId}/acd/history/queues} and {@code .../agents}: the contact center's figures
 * per interval ({@code interval} FIFTEEN_MINUTES, HOUR or DAY) over [{@code from}, {@code to}), at most
 * {@value #MAX_DAYS} days; {@code format=csv} gives the same rows as a CSV download. Admins and operators of the
 * tenant (as for the live figures).
 */
final class AcdHistoryHandler implements RouteGroup {
    static final int MAX_DAYS = 366;
    private static final String BASE = "/api/v1/tenants/{tenantId}/acd/history";

    private final AcdService acd;
    private final ProvisioningService provisioning;
    private final Directory directory;

    AcdHistoryHandler(AcdService acd, ProvisioningService provisioning, Directory directory) {
        this.acd = acd;
        this.provisioning = provisioning;
        this.directory = directory;
    }

    private record Range(long tenantId, Interval interval, Instant from, Instant to, boolean csv) {
    }

    @Override
    public void addRoutes(Router router) {
        router.add("GET", BASE + "/queues", Access.LOGIN, this::queues)
                .add("GET", BASE + "/agents", Access.LOGIN, this::agents);
    }

    private Reply queues(ApiRequest rq) {
        Range r = range(rq);
        var rows = acd.queueHistory(r.tenantId(), r.interval(), r.from(), r.to());
        if (!r.csv()) {
            return Reply.ok(new AcdHistoryDto(r.interval().name(), r.from(), r.to(), rows));
        }
        Map<Long, String> numbers = new java.util.HashMap<>();
        for (QueueConfig q : acd.queues(r.tenantId())) {
            numbers.put(q.id(), q.number());
        }
        return csv(AcdHistoryCsv.queues(rows, id -> numbers.getOrDefault(id, "")), "queues", r);
    }

    private Reply agents(ApiRequest rq) {
        Range r = range(rq);
        var rows = acd.agentHistory(r.tenantId(), r.interval(), r.from(), r.to());
        if (!r.csv()) {
            return Reply.ok(new AcdHistoryDto(r.interval().name(), r.from(), r.to(), rows));
        }
        return csv(AcdHistoryCsv.agents(rows, id -> directory.user(id).filter(u -> u.tenantId() == r.tenantId())
                .map(User::extension).orElse("")), "agents", r);
    }

    private static Reply csv(byte[] body, String what, Range r) {
        return new Reply(200, new Reply.RawBody("text/csv; charset=utf-8", body), Map.of("Content-Disposition",
                "attachment; filename=\"acd-" + what + "-" + r.tenantId() + ".csv\""));
    }

    private Range range(ApiRequest rq) {
        if (acd == null) {
            throw ApiException.notFound("this node runs no contact center");
        }
        long tenantId = rq.pathId("tenantId");
        rq.principal().requireTenantView(tenantId);
        Interval interval = rq.queryEnum("interval", Interval.class);
        Instant from = rq.queryInstant("from");
        Instant to = rq.queryInstant("to");
        if (interval == null) {
            throw ApiException.badRequest("interval", "is required: one of " + List.of(Interval.values()));
        }
        if (from == null) {
            throw ApiException.badRequest("from", "is required");
        }
        if (to == null) {
            throw ApiException.badRequest("to", "is required");
        }
        if (!to.isAfter(from)) {
            throw ApiException.badRequest("to", "must be after from");
        }
        if (Duration.between(from, to).compareTo(Duration.ofDays(MAX_DAYS)) > 0) {
            throw ApiException.badRequest("to", "at most " + MAX_DAYS + " days after from");
        }
        String format = rq.query("format").orElse("json");
        if (!format.equals("json") && !format.equals("csv")) {
            throw ApiException.badRequest("format", "must be json or csv");
        }
        provisioning.tenant(tenantId);
        return new Range(tenantId, interval, from, to, format.equals("csv"));
    }
}
