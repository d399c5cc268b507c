package com.crosspoint.api;

import com.crosspoint.acd.QueueConfig;
import com.crosspoint.acd.service.AcdService;
import com.crosspoint.api.dto.AgentDto;
import com.crosspoint.api.dto.AgentRequest;
import com.crosspoint.api.dto.MemberDto;
import com.crosspoint.api.dto.QueueDto;
import com.crosspoint.api.dto.QueueRequest;
import com.crosspoint.api.dto.QueueStatsDto;
import com.crosspoint.directory.Directory;
import com.crosspoint.model.InvalidValueException;
import com.crosspoint.model.User;
import com.crosspoint.provisioning.ProvisioningService;
import java.util.Arrays;
import java.util.NoSuchElementException;

/**
 * {@code /api/v1/tenants/{tenantId}/queues} and {@code /agents}: the contact center's queues, their members and
 * live figures (tenant admins); the agents' states, which supervisors (admins and operators) watch and change.
 */
final class QueuesHandler implements RouteGroup {
    private static final String BASE = "/api/v1/tenants/{tenantId}/queues";
    private static final String AGENTS = "/api/v1/tenants/{tenantId}/agents";

    private final AcdService acd;
    private final ProvisioningService provisioning;
    private final Directory directory;

    QueuesHandler(AcdService acd, ProvisioningService provisioning, Directory directory) {
        this.acd = acd;
        this.provisioning = provisioning;
        this.directory = directory;
    }

    @Override
    public void addRoutes(Router router) {
        router.add("GET", BASE, Access.LOGIN, this::list)
                .add("POST", BASE, Access.LOGIN, this::create)
                .add("GET", BASE + "/{queueId}", Access.LOGIN, this::get)
                .add("PUT", BASE + "/{queueId}", Access.LOGIN, this::update)
                .add("DELETE", BASE + "/{queueId}", Access.LOGIN, this::delete)
                .add("GET", BASE + "/{queueId}/members", Access.LOGIN, this::members)
                .add("PUT", BASE + "/{queueId}/members", Access.LOGIN, this::setMembers)
                .add("GET", BASE + "/{queueId}/stats", Access.LOGIN, this::stats)
                .add("GET", AGENTS, Access.LOGIN, this::agents)
                .add("PUT", AGENTS + "/{userId}", Access.LOGIN, this::changeAgent);
    }

    private AcdService acd() {
        if (acd == null) {
            throw ApiException.notFound("this node runs no contact center");
        }
        return acd;
    }

    private long tenant(ApiRequest rq) {
        long tenantId = rq.pathId("tenantId");
        rq.principal().requireTenantAdmin(tenantId);
        provisioning.tenant(tenantId);
        return tenantId;
    }

    /** Supervisors: admins of the tenant, and operators who watch it. */
    private long watchedTenant(ApiRequest rq) {
        long tenantId = rq.pathId("tenantId");
        rq.principal().requireTenantView(tenantId);
        provisioning.tenant(tenantId);
        return tenantId;
    }

    private QueueConfig queue(long tenantId, ApiRequest rq) {
        try {
            return acd().queue(tenantId, rq.pathId("queueId"));
        } catch (NoSuchElementException e) {
            throw ApiException.notFound(e.getMessage());
        }
    }

    private Reply list(ApiRequest rq) {
        return Reply.ok(acd().queues(tenant(rq)).stream().map(QueueDto::of).toList());
    }

    private Reply create(ApiRequest rq) throws Exception {
        long tenantId = tenant(rq);
        QueueConfig draft = QueueRequests.queue(0, tenantId, rq.body(QueueRequest.class));
        QueueConfig q = validated(() -> acd().create(draft));
        return Reply.created(BASE.replace("{tenantId}", String.valueOf(tenantId)) + "/" + q.id(), QueueDto.of(q));
    }

    private Reply get(ApiRequest rq) {
        return Reply.ok(QueueDto.of(queue(tenant(rq), rq)));
    }

    private Reply update(ApiRequest rq) throws Exception {
        long tenantId = tenant(rq);
        QueueConfig existing = queue(tenantId, rq);
        QueueConfig changed = QueueRequests.queue(existing.id(), tenantId, rq.body(QueueRequest.class));
        return Reply.ok(QueueDto.of(validated(() -> acd().update(changed))));
    }

    private Reply delete(ApiRequest rq) {
        long tenantId = tenant(rq);
        acd().delete(tenantId, queue(tenantId, rq).id());
        return Reply.noContent();
    }

    private Reply members(ApiRequest rq) {
        long tenantId = tenant(rq);
        return Reply.ok(acd().members(tenantId, queue(tenantId, rq).id()).stream().map(MemberDto::of).toList());
    }

    private Reply setMembers(ApiRequest rq) throws Exception {
        long tenantId = tenant(rq);
        long queueId = queue(tenantId, rq).id();
        MemberDto[] body = rq.body(MemberDto[].class);
        var members = QueueRequests.members(queueId, body == null ? null : Arrays.asList(body));
        return Reply.ok(validated(() -> acd().setMembers(tenantId, queueId, members)).stream()
                .map(MemberDto::of).toList());
    }

    private Reply stats(ApiRequest rq) {
        long tenantId = watchedTenant(rq);
        long queueId = rq.pathId("queueId");
        return Reply.ok(acd().center().stats(tenantId, queueId).map(QueueStatsDto::of)
                .orElseThrow(() -> ApiException.notFound("no queue " + queueId)));
    }

    private Reply agents(ApiRequest rq) {
        return Reply.ok(acd().agents(watchedTenant(rq)).stream().map(AgentDto::of).toList());
    }

    private Reply changeAgent(ApiRequest rq) throws Exception {
        long tenantId = watchedTenant(rq);
        long userId = rq.pathId("userId");
        User user = directory.user(userId).filter(u -> u.tenantId() == tenantId)
                .orElseThrow(() -> ApiException.notFound("no user " + userId));
        return Reply.ok(AgentDto.of(change(acd(), user, rq.body(AgentRequest.class))));
    }

    /** Applies an agent's change; refusals become 400 (the field) or 409 (not now). */
    static com.crosspoint.acd.AgentState change(AcdService acd, User user, AgentRequest body) {
        var change = QueueRequests.agent(acd, user, body);
        try {
            return validated(() -> acd.change(user, change));
        } catch (IllegalStateException e) {
            throw ApiException.conflict("status", e.getMessage());
        }
    }

    static <T> T validated(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (InvalidValueException e) {
            throw ApiException.badRequest(e.field(), e.getMessage());
        }
    }
}
