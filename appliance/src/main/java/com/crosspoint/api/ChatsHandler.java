package com.crosspoint.api;

import com.crosspoint.api.dto.ChatDto;
import com.crosspoint.api.dto.ChatPage;
import com.crosspoint.provisioning.ProvisioningService;
import com.crosspoint.store.ChatStore;

/**
 * {@code GET /api/v1/tenants/{tenantId}/chats}: a tenant's visitor chats, newest first (optionally those one agent,
 * {@code agentUserId}, answered); {@code .../chats/{chatId}}: one with its transcript. Tenant admins only.
 */
final class ChatsHandler implements RouteGroup {
    private final ChatStore chats;
    private final ProvisioningService provisioning;

    ChatsHandler(ChatStore chats, ProvisioningService provisioning) {
        this.chats = chats;
        this.provisioning = provisioning;
    }

    @Override
    public void addRoutes(Router router) {
        router.add("GET", "/api/v1/tenants/{tenantId}/chats", Access.LOGIN, this::list)
                .add("GET", "/api/v1/tenants/{tenantId}/chats/{chatId}", Access.LOGIN, this::transcript);
    }

    private Reply list(ApiRequest rq) {
        long tenantId = rq.pathId("tenantId");
        rq.principal().requireTenantAdmin(tenantId);
        provisioning.tenant(tenantId);
        Long agent = rq.queryId("agentUserId");
        int offset = rq.queryInt("offset", 0, 0, Integer.MAX_VALUE);
        int limit = rq.queryInt("limit", CdrsHandler.DEFAULT_LIMIT, 1, CdrsHandler.MAX_LIMIT);
        return Reply.ok(new ChatPage(chats.list(tenantId, agent, offset, limit).stream().map(ChatDto::of).toList(),
                chats.count(tenantId, agent), offset, limit));
    }

    private Reply transcript(ApiRequest rq) {
        long tenantId = rq.pathId("tenantId");
        rq.principal().requireTenantAdmin(tenantId);
        long id = rq.pathId("chatId");
        return chats.find(tenantId, id).map(c -> Reply.ok(ChatDto.of(c)))
                .orElseThrow(() -> ApiException.notFound("no chat " + id + " in tenant " + tenantId));
    }
}
