package com.crosspoint.chat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * The chat queues of each tenant and the extensions that answer them, from configuration ({@code chat.queues},
 * by tenant domain); the placeholder dispatcher's only source of who may take a chat. {@code domainOf} names a
 * tenant's domain (null: no such tenant), looked up on each use since tenants come and go.
 */
public final class ChatRoster {
    private final Map<String, Map<String, List<String>>> queues;
    private final LongFunction<String> domainOf;

    public ChatRoster(Map<String, Map<String, List<String>>> queues, LongFunction<String> domainOf) {
        this.queues = Map.copyOf(queues);
        this.domainOf = domainOf;
    }

    public Optional<List<String>> agentsOf(long tenantId, String queue) {
        return Optional.ofNullable(queuesOf(tenantId).get(queue));
    }

    public List<String> queuesOf(long tenantId, String extension) {
        return queuesOf(tenantId).entrySet().stream()
                .filter(e -> e.getValue().contains(extension)).map(Map.Entry::getKey).sorted().toList();
    }

    private Map<String, List<String>> queuesOf(long tenantId) {
        String domain = domainOf.apply(tenantId);
        return domain == null ? Map.of() : queues.getOrDefault(domain, Map.of());
    }
}
