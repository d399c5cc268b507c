package com.crosspoint.boot;

import com.crosspoint.api.ChatServices;
import com.crosspoint.acd.service.AcdService;
import com.crosspoint.chat.ChatService;
import com.crosspoint.chat.ChatSites;
import com.crosspoint.chat.LeftMessages;
import com.crosspoint.chat.acd.AcdChatDispatch;
import com.crosspoint.chat.acd.ChatAgents;
import com.crosspoint.config.ChatConfig;
import com.crosspoint.config.DemoConfig;
import com.crosspoint.directory.Directory;
import com.crosspoint.events.AcdEvent;
import com.crosspoint.events.EventBus;
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
 * Builds the visitor web chat: sites from {@code chat.*} (plus the demo tenant's, so a newcomer can try
 * {@code /chat/demo.html}), chats dispatched to the contact center's agents ({@link AcdChatDispatch}, told of
 * every agent change on the event bus), the {@link ChatService}, its sweep every second and the transcript purge
 * every hour.
 */
final class ChatWiring {
    private static final Logger LOG = LoggerFactory.getLogger(ChatWiring.class);

    private ChatWiring() {
    }

    static ChatServices start(ChatConfig config, DemoConfig demo, Stores stores, Directory directory, AcdService acd,
                              EventBus events, Clock clock, ScheduledExecutorService timers) {
        AcdChatDispatch dispatch = new AcdChatDispatch(acd.center(), ChatAgents.of(directory),
                acd.limits().agentChatCapacity(), config.leaveMessage());
        ChatService service = new ChatService(stores.chats(), dispatch, config.limits(), events::publish, clock);
        events.subscribe("chat-agents", e -> e instanceof AcdEvent a && a.agent() != null,
                e -> dispatch.agentChanged(((AcdEvent) e).agent()));
        timers.scheduleWithFixedDelay(() -> guarded(service::sweep), 1, 1, TimeUnit.SECONDS);
        timers.scheduleWithFixedDelay(() -> guarded(() -> {
            int purged = service.purge(config.retention());
            if (purged > 0) {
                LOG.info("{} chat transcripts older than {} days deleted", purged, config.retention().toDays());
            }
        }), 1, 60, TimeUnit.MINUTES);
        return new ChatServices(service, new ChatSites(sites(config, demo)), config.enabled(),
                config.maxFramesPerSecond(), new LeftMessages(stores.leftMessages(), dispatch, config.limits(),
                        config.leftMessages(), clock));
    }

    /** {@code chat.sites}, plus the demo tenant (the appliance's own origin only) unless listed. */
    static Map<String, List<String>> sites(ChatConfig config, DemoConfig demo) {
        Map<String, List<String>> sites = new LinkedHashMap<>(config.sites());
        if (demo.enabled()) {
            sites.putIfAbsent(demo.domain(), List.of());
        }
        return sites;
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
