package com.crosspoint.api;

import com.crosspoint.acd.QueueEntry;
import com.crosspoint.acd.QueueStats;
import com.crosspoint.acd.service.AcdService;
import com.crosspoint.api.dto.AcdBoardDto;
import com.crosspoint.api.dto.AgentDto;
import com.crosspoint.api.dto.QueueStatsDto;
import com.crosspoint.api.dto.WaitingCallerDto;
import com.crosspoint.provisioning.ProvisioningService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * {@code GET /api/v1/tenants/{tenantId}/acd/board}: one read of everything a supervisor's wallboard shows (the
 * console's ACD tab, the dashboard's supervisor view); the event stream's {@code acd.queue} and {@code acd.agent}
 * frames say when to read again. Admins of the tenant and operators who watch it.
 */
final class AcdBoardHandler implements RouteGroup {
    static final String PATH = "/api/v1/tenants/{tenantId}/acd/board";

    private final AcdService acd;
    private final ProvisioningService provisioning;
    private final Clock clock;

    AcdBoardHandler(AcdService acd, ProvisioningService provisioning, Clock clock) {
        this.acd = acd;
        this.provisioning = provisioning;
        this.clock = clock;
    }

    @Override
    public void addRoutes(Router router) {
        router.add("GET", PATH, Access.LOGIN, this::board);
    }

    private Reply board(ApiRequest rq) {
        if (acd == null) {
            throw ApiException.notFound("this node runs no contact center");
        }
        long tenantId = rq.pathId("tenantId");
        rq.principal().requireTenantView(tenantId);
        provisioning.tenant(tenantId);
        List<AgentDto> agents = acd.agents(tenantId).stream().map(AgentDto::of).toList();
        return Reply.ok(new AcdBoardDto(clock.instant(), queues(acd, tenantId, queueId -> true), agents));
    }

    /** The tenant's queues that {@code shown} accepts, each with its figures and waiting callers. */
    static List<AcdBoardDto.QueueBoard> queues(AcdService acd, long tenantId, LongPredicate shown) {
        List<AcdBoardDto.QueueBoard> queues = new ArrayList<>();
        for (QueueStats stats : acd.stats(tenantId)) {
            if (!shown.test(stats.queueId())) {
                continue;
            }
            int serviceLevel = acd.center().queue(stats.queueId()).map(q -> q.serviceLevelSeconds()).orElse(0);
            queues.add(new AcdBoardDto.QueueBoard(QueueStatsDto.of(stats), serviceLevel,
                    waiting(acd.center().waiting(stats.queueId()))));
        }
        return queues;
    }

    private static List<WaitingCallerDto> waiting(List<QueueEntry> entries) {
        List<WaitingCallerDto> out = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            out.add(WaitingCallerDto.of(entries.get(i), i + 1));
        }
        return out;
    }
}
