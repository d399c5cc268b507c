package com.crosspoint.api;

import com.crosspoint.acd.QueueConfig;
import com.crosspoint.acd.service.AcdService;
import com.crosspoint.directory.Directory;
import com.crosspoint.model.User;
import com.crosspoint.provisioning.ProvisioningService;
import java.util.Map;

/**
 * {@code GET /api/v1/tenants/{tenantId}/acd/history/queues} and {@code .../agents}: the contact center's figures
 * per interval over [{@code from}, {@code to}) (see {@link HistoryQuery}); {@code format=csv} gives the same rows as
 * a CSV download. Admins and operators of the tenant (as for the live figures).
 */
final class AcdHistoryHandler implements RouteGroup {
    private static final String BASE = "/api/v1/tenants/{tenantId}/acd/history";

    private final AcdService acd;
    private final ProvisioningService provisioning;
    private final Directory directory;

    AcdHistoryHandler(AcdService acd, ProvisioningService provisioning, Directory directory) {
        this.acd = acd;
        this.provisioning = provisioning;
        this.directory = directory;
    }

    @Override
    public void addRoutes(Router router) {
        router.add("GET", BASE + "/queues", Access.LOGIN, this::queues)
                .add("GET", BASE + "/agents", Access.LOGIN, this::agents);
    }

    private Reply queues(ApiRequest rq) {
        HistoryQuery r = range(rq);
        var rows = acd.queueHistory(r.tenantId(), r.interval(), r.from(), r.to());
        if (!r.csv()) {
            return r.json(rows);
        }
        Map<Long, String> numbers = new java.util.HashMap<>();
        for (QueueConfig q : acd.queues(r.tenantId())) {
            numbers.put(q.id(), q.number());
        }
        return r.csv(AcdHistoryCsv.queues(rows, id -> numbers.getOrDefault(id, "")), "queues");
    }

    private Reply agents(ApiRequest rq) {
        HistoryQuery r = range(rq);
        var rows = acd.agentHistory(r.tenantId(), r.interval(), r.from(), r.to());
        if (!r.csv()) {
            return r.json(rows);
        }
        return r.csv(AcdHistoryCsv.agents(rows, id -> directory.user(id).filter(u -> u.tenantId() == r.tenantId())
                .map(User::extension).orElse("")), "agents");
    }

    private HistoryQuery range(ApiRequest rq) {
        if (acd == null) {
            throw ApiException.notFound("this node runs no contact center");
        }
        return HistoryQuery.of(rq, provisioning);
    }
}
