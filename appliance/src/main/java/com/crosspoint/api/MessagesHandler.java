package com.crosspoint.api;

import com.crosspoint.api.dto.MessageDto;
import com.crosspoint.api.dto.MessagePage;
import com.crosspoint.im.MessageService;
import com.crosspoint.provisioning.ProvisioningService;
import java.util.regex.Pattern;

/**
 * {@code GET /api/v1/tenants/{tenantId}/messages}: instant-message history, newest first;
 * {@code extension} keeps messages from or to it, {@code peer} further keeps one conversation.
 */
final class MessagesHandler implements RouteGroup {
    private static final Pattern EXTENSION = Pattern.compile("^[0-9]{2,15}$");

    private final MessageService messages;
    private final ProvisioningService provisioning;

    MessagesHandler(MessageService messages, ProvisioningService provisioning) {
        this.messages = messages;
        this.provisioning = provisioning;
    }

    @Override
    public void addRoutes(Router router) {
        router.add("GET", "/api/v1/tenants/{tenantId}/messages", Access.LOGIN, this::history);
    }

    private Reply history(ApiRequest rq) {
        long tenantId = rq.pathId("tenantId");
        rq.principal().requireTenantAdmin(tenantId);
        String extension = extension(rq, "extension");
        String peer = extension(rq, "peer");
        if (peer != null && extension == null) {
            throw ApiException.badRequest("peer", "needs extension as well");
        }
        int offset = rq.queryInt("offset", 0, 0, Integer.MAX_VALUE);
        int limit = rq.queryInt("limit", CdrsHandler.DEFAULT_LIMIT, 1, CdrsHandler.MAX_LIMIT);
        provisioning.tenant(tenantId);
        return Reply.ok(new MessagePage(messages.history(tenantId, extension, peer, offset, limit).stream()
                .map(MessageDto::of).toList(), offset, limit));
    }

    private static String extension(ApiRequest rq, String name) {
        String v = rq.query(name).orElse(null);
        if (v != null && !EXTENSION.matcher(v).matches()) {
            throw ApiException.badRequest(name, "must be an extension (2 to 15 digits)");
        }
        return v;
    }
}
