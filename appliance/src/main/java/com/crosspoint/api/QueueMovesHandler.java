package com.crosspoint.api;

import com.crosspoint.acd.Moved;
import com.crosspoint.acd.service.AcdService;
import com.crosspoint.api.dto.MoveRequest;
import com.crosspoint.api.dto.MovedDto;
import com.crosspoint.model.InvalidValueException;
import com.crosspoint.provisioning.ProvisioningService;
import java.util.NoSuchElementException;

/**
 * {@code POST /api/v1/tenants/{tenantId}/queues/{queueId}/waiting/{entryId}/move}: a supervisor (an admin of the
 * tenant, or an operator who watches it, as for logging an agent out) moves a waiting caller to the end of another
 * of the tenant's queues. Another tenant's queue is as unknown as a missing one (404).
 */
final class QueueMovesHandler implements RouteGroup {
    static final String PATH = "/api/v1/tenants/{tenantId}/queues/{queueId}/waiting/{entryId}/move";
    private static final String TARGET = "toQueueId";
    private static final String ENTRY = "entryId";

    private final AcdService acd;
    private final ProvisioningService provisioning;

    QueueMovesHandler(AcdService acd, ProvisioningService provisioning) {
        this.acd = acd;
        this.provisioning = provisioning;
    }

    @Override
    public void addRoutes(Router router) {
        router.add("POST", PATH, Access.LOGIN, this::move);
    }

    private Reply move(ApiRequest rq) throws Exception {
        if (acd == null) {
            throw ApiException.notFound("this node runs no contact center");
        }
        long tenantId = rq.pathId("tenantId");
        rq.principal().requireTenantView(tenantId);
        provisioning.tenant(tenantId);
        long from = rq.pathId("queueId");
        long entryId = rq.pathId(ENTRY);
        MoveRequest body = rq.body(MoveRequest.class);
        if (body == null || body.toQueueId() == null || body.toQueueId() <= 0) {
            throw ApiException.badRequest(TARGET, "the id of the queue to move to is required");
        }
        long to = body.toQueueId();
        Moved moved;
        try {
            moved = acd.move(tenantId, from, entryId, to);
        } catch (NoSuchElementException e) {
            throw new ApiException(404, e.getMessage(), "queueId");
        } catch (InvalidValueException e) {
            throw new ApiException(404, e.getMessage(), e.field());
        }
        if (!moved.accepted()) {
            throw refused(moved.refusal(), entryId, to);
        }
        return Reply.ok(new MovedDto(entryId, to, moved.position(), moved.estimatedWaitSeconds()));
    }

    private static ApiException refused(Moved.Refusal refusal, long entryId, long to) {
        return switch (refusal) {
            case NO_SUCH_QUEUE -> new ApiException(404, "no queue " + to, TARGET);
            case NOT_WAITING -> ApiException.conflict(ENTRY, "entry " + entryId + " no longer waits in this queue");
            case SAME_QUEUE -> ApiException.badRequest(TARGET, "the caller waits in queue " + to + " already");
            case RINGING -> ApiException.conflict(ENTRY, "an agent is being rung for entry " + entryId
                    + " now; move it when the offer has ended");
            case FULL -> ApiException.conflict(TARGET, "queue " + to + " is full");
        };
    }
}
