package com.crosspoint.chat.report;

import com.crosspoint.acd.QueueConfig;
import java.util.List;
import java.util.Optional;

/**
 * Which contact-center queue a chat's queue name means, as the chat dispatch reads it (the queue's number, else its
 * name in any case), so chats reaching one queue by its number and by its name count together, against that queue's
 * service-level threshold; a name that is no queue of the tenant is reported as it is, against
 * {@value #DEFAULT_SERVICE_LEVEL_SECONDS} s.
 */
public final class ChatQueues {
    /** The service-level threshold of a chat queue that is no contact-center queue (also the queues' default). */
    public static final int DEFAULT_SERVICE_LEVEL_SECONDS = 20;

    private final List<QueueConfig> queues;

    public ChatQueues(List<QueueConfig> queues) {
        this.queues = List.copyOf(queues);
    }

    /** The key chats of {@code name} are reported under. */
    public String key(String name) {
        return queue(name).map(QueueConfig::number).orElse(name == null ? "" : name);
    }

    /** The service-level threshold of the queue reported under {@code key}. */
    public int serviceLevelSeconds(String key) {
        return queue(key).map(QueueConfig::serviceLevelSeconds).orElse(DEFAULT_SERVICE_LEVEL_SECONDS);
    }

    private Optional<QueueConfig> queue(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        return queues.stream().filter(q -> q.number().equals(name)).findFirst()
                .or(() -> queues.stream().filter(q -> q.name().equalsIgnoreCase(name)).findFirst());
    }
}
