package com.crosspoint.api;

import com.crosspoint.api.dto.LeftMessageDto;
import com.crosspoint.api.dto.LeftMessagesDto;
import com.crosspoint.chat.LeftMessage;
import com.crosspoint.chat.LeftMessages;
import com.crosspoint.directory.Directory;
import com.crosspoint.model.User;
import com.crosspoint.provisioning.ProvisioningService;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Predicate;

/**
 * Messages visitors left when nobody answered a chat queue: {@code /api/v1/me/left-messages} for an agent (those of
 * the queues they answer; marking one handled), {@code /api/v1/tenants/{tenantId}/left-messages} for the tenant's
 * admins and operators (all, with the counts per queue). {@code ?open=true} lists the open ones only.
 */
final class LeftMessagesHandler implements RouteGroup {
    static final String MINE = MeHandler.BASE + "/left-messages";
    static final String TENANT = "/api/v1/tenants/{tenantId}/left-messages";

    private final LeftMessages messages;
    private final ProvisioningService provisioning;
    private final Directory directory;
    private final LoginSessions sessions;

    LeftMessagesHandler(LeftMessages messages, ProvisioningService provisioning, Directory directory,
                        LoginSessions sessions) {
        this.messages = messages;
        this.provisioning = provisioning;
        this.directory = directory;
        this.sessions = sessions;
    }

    @Override
    public void addRoutes(Router router) {
        router.add("GET", MINE, Access.USER, this::mine)
                .add("POST", MINE + "/{messageId}/handled", Access.USER, this::handled)
                .add("GET", TENANT, Access.LOGIN, this::tenant);
    }

    private static boolean openOnly(ApiRequest rq) {
        String open = rq.query("open").orElse("false");
        if (!open.equals("true") && !open.equals("false")) {
            throw ApiException.badRequest("open", "true or false");
        }
        return open.equals("true");
    }

    private Reply mine(ApiRequest rq) {
        User me = MeHandler.currentUser(rq, directory, sessions);
        List<String> queues = messages.queuesOf(me.tenantId(), me.extension());
        return Reply.ok(dto(messages.forAgent(me.tenantId(), me.extension(), openOnly(rq)),
                messages.counts(me.tenantId()), queues::contains));
    }

    private Reply handled(ApiRequest rq) {
        User me = MeHandler.currentUser(rq, directory, sessions);
        long id = rq.pathId("messageId");
        try {
            return Reply.ok(LeftMessageDto.of(messages.handled(me.tenantId(), me.extension(), id)));
        } catch (NoSuchElementException e) {
            throw ApiException.notFound(e.getMessage());
        } catch (IllegalStateException e) {
            throw ApiException.conflict("messageId", e.getMessage());
        }
    }

    private Reply tenant(ApiRequest rq) {
        long tenantId = rq.pathId("tenantId");
        rq.principal().requireTenantView(tenantId);
        provisioning.tenant(tenantId);
        return Reply.ok(dto(messages.forTenant(tenantId, openOnly(rq)), messages.counts(tenantId), q -> true));
    }

    private static LeftMessagesDto dto(List<LeftMessage> list, Map<String, int[]> counts, Predicate<String> shown) {
        return new LeftMessagesDto(list.stream().map(LeftMessageDto::of).toList(), counts.entrySet().stream()
                .filter(e -> shown.test(e.getKey()))
                .map(e -> new LeftMessagesDto.QueueCount(e.getKey(), e.getValue()[0], e.getValue()[1])).toList());
    }
}
