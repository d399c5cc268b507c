package com.crosspoint.api;

import com.crosspoint.acd.report.Interval;
import com.crosspoint.acd.service.AcdService;
import com.crosspoint.chat.ChatService;
import com.crosspoint.chat.ChatSnapshot;
import com.crosspoint.chat.report.ChatIntervalReport;
import com.crosspoint.chat.report.ChatQueueNow;
import com.crosspoint.chat.report.ChatQueues;
import com.crosspoint.directory.Directory;
import com.crosspoint.model.User;
import com.crosspoint.provisioning.ProvisioningService;
import com.crosspoint.store.ChatStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The visitor chats' figures, computed from the stored chats: {@code GET /api/v1/tenants/{tenantId}/acd/history/
 * chat-queues} and {@code .../chat-agents} per interval (the query of the voice history, {@link HistoryQuery}), and
 * {@code GET /api/v1/tenants/{tenantId}/acd/chat-queues/stats} now. Admins and operators of the tenant.
 */
final class ChatHistoryHandler implements RouteGroup {
    /** The most chats one request reads, as the voice history caps its records. */
    static final int MAX_CHATS = AcdService.MAX_HISTORY_ROWS;
    private static final String BASE = "/api/v1/tenants/{tenantId}/acd";

    private final ChatStore store;
    private final ChatService chats;
    private final AcdService acd;
    private final ProvisioningService provisioning;
    private final Directory directory;
    private final Clock clock;

    /** {@code acd} null: no chat queue is a contact-center queue (every one has the default threshold). */
    ChatHistoryHandler(ChatStore store, ChatService chats, AcdService acd, ProvisioningService provisioning,
                       Directory directory, Clock clock) {
        this.store = store;
        this.chats = chats;
        this.acd = acd;
        this.provisioning = provisioning;
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public void addRoutes(Router router) {
        router.add("GET", BASE + "/history/chat-queues", Access.LOGIN, this::queues)
                .add("GET", BASE + "/history/chat-agents", Access.LOGIN, this::agents)
                .add("GET", BASE + "/chat-queues/stats", Access.LOGIN, this::now);
    }

    private Reply queues(ApiRequest rq) {
        HistoryQuery r = HistoryQuery.of(rq, provisioning);
        var rows = ChatIntervalReport.queues(stored(r), r.interval(), queues(r.tenantId()));
        return r.csv() ? r.csv(AcdHistoryCsv.chatQueues(rows), "chat-queues") : r.json(rows);
    }

    private Reply agents(ApiRequest rq) {
        HistoryQuery r = HistoryQuery.of(rq, provisioning);
        var rows = ChatIntervalReport.agents(stored(r), r.interval());
        return !r.csv() ? r.json(rows) : r.csv(AcdHistoryCsv.chatAgents(rows, id -> directory.user(id)
                .filter(u -> u.tenantId() == r.tenantId()).map(User::extension).orElse("")), "chat-agents");
    }

    private Reply now(ApiRequest rq) {
        long tenantId = rq.pathId("tenantId");
        rq.principal().requireTenantView(tenantId);
        provisioning.tenant(tenantId);
        Instant now = clock.instant();
        List<ChatSnapshot> today = store.createdBetween(tenantId, Interval.DAY.start(now), now.plusMillis(1),
                MAX_CHATS);
        return Reply.ok(ChatQueueNow.of(chats.unanswered(tenantId), today, queues(tenantId), now));
    }

    private List<ChatSnapshot> stored(HistoryQuery r) {
        return store.createdBetween(r.tenantId(), r.from(), r.to(), MAX_CHATS);
    }

    private ChatQueues queues(long tenantId) {
        return new ChatQueues(acd == null ? List.of() : acd.queues(tenantId));
    }
}
