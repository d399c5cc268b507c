package com.crosspoint.boot;

import com.crosspoint.api.ChatServices;
import com.crosspoint.chat.ChatRoster;
import com.crosspoint.chat.ChatService;
import com.crosspoint.chat.ChatSites;
import com.crosspoint.chat.RosterChatDispatch;
import com.crosspoint.config.ChatConfig;
import com.crosspoint.config.DemoConfig;
import com.crosspoint.directory.Directory;
import com.crosspoint.events.EventBus;
import com.crosspoint.model.Tenant;
import com.crosspoint.store.Stores;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the visitor web chat: sites and queues from {@code chat.*} (plus the demo tenant's, so a newcomer can try
 * {@code /chat/demo.html}), the placeholder {@link RosterChatDispatch} (the ACD replaces it), the
 * {@link ChatService}, its sweep every second and the transcript purge every hour.
 */
final class ChatWiring {
    static final String DEMO_QUEUE = "support";
    private static final Logger LOG = LoggerFactory.getLogger(ChatWiring.class);

    private ChatWiring() {
    }

    static ChatServices start(ChatConfig config, DemoConfig demo, Stores stores, Directory directory,
                              EventBus events, Clock clock, ScheduledExecutorService timers) {
        ChatRoster roster = new ChatRoster(queues(config, demo),
                id -> directory.tenant(id).map(Tenant::domain).orElse(null));
        ChatService service = new ChatService(stores.chats(),
                new RosterChatDispatch(roster, config.limits().agentConcurrency()), config.limits(), events::publish,
                clock);
        timers.scheduleWithFixedDelay(() -> guarded(service::sweep), 1, 1, TimeUnit.SECONDS);
        timers.scheduleWithFixedDelay(() -> guarded(() -> {
            int purged = service.purge(config.retention());
            if (purged > 0) {
                LOG.info("{} chat transcripts older than {} days deleted", purged, config.retention().toDays());
            }
        }), 1, 60, TimeUnit.MINUTES);
        return new ChatServices(service, new ChatSites(sites(config, demo)), config.enabled(),
                config.maxFramesPerSecond());
    }

    /** {@code chat.sites}, plus the demo tenant (the appliance's own origin only) unless listed. */
    static Map<String, List<String>> sites(ChatConfig config, DemoConfig demo) {
        Map<String, List<String>> sites = new LinkedHashMap<>(config.sites());
        if (demo.enabled()) {
            sites.putIfAbsent(demo.domain(), List.of());
        }
        return sites;
    }

    /** {@code chat.queues}, plus the demo tenant's "support" answered by every demo extension unless it has queues. */
    static Map<String, Map<String, List<String>>> queues(ChatConfig config, DemoConfig demo) {
        Map<String, Map<String, List<String>>> queues = new LinkedHashMap<>(config.queues());
        if (demo.enabled()) {
            queues.putIfAbsent(demo.domain(), Map.of(DEMO_QUEUE, demo.extensions()));
        }
        return queues;
    }

    /** A failing sweep must not cancel the schedule. */
    private static void guarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.warn("chat housekeeping failed", e);
        }
    }
}
