package com.crosspoint.chat;

import com.crosspoint.store.ChatStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A {@link ChatStore} in memory, for the chat service's unit tests (the Derby one has its contract test). */
final class MemoryChatStore implements ChatStore {
    private final Map<Long, ChatSnapshot> rows = new TreeMap<>();
    private final Map<Long, List<ChatLine>> lines = new TreeMap<>();
    private long next = 1;

    @Override
    public synchronized long create(ChatSnapshot c) {
        long id = next++;
        rows.put(id, copy(c, id, List.of()));
        lines.put(id, new ArrayList<>());
        return id;
    }

    @Override
    public synchronized void addLine(long chatId, ChatLine line) {
        lines.get(chatId).add(line);
    }

    @Override
    public synchronized void update(ChatSnapshot c) {
        rows.put(c.id(), c.withoutLines());
    }

    @Override
    public synchronized Optional<ChatSnapshot> find(long tenantId, long chatId) {
        ChatSnapshot c = rows.get(chatId);
        return c == null || c.tenantId() != tenantId ? Optional.empty()
                : Optional.of(copy(c, chatId, lines.get(chatId)));
    }

    @Override
    public synchronized List<ChatSnapshot> list(long tenantId, Long agentUserId, int offset, int limit) {
        return rows.values().stream().filter(c -> c.tenantId() == tenantId)
                .filter(c -> agentUserId == null || (c.agent() != null && c.agent().userId() == agentUserId))
                .sorted(Comparator.comparingLong(ChatSnapshot::id).reversed()).skip(offset).limit(limit).toList();
    }

    @Override
    public synchronized List<ChatSnapshot> createdBetween(long tenantId, Instant from, Instant to, int limit) {
        return rows.values().stream().filter(c -> c.tenantId() == tenantId)
                .filter(c -> !c.createdAt().isBefore(from) && c.createdAt().isBefore(to))
                .sorted(Comparator.comparing(ChatSnapshot::createdAt).thenComparingLong(ChatSnapshot::id))
                .limit(limit).toList();
    }

    @Override
    public synchronized int count(long tenantId, Long agentUserId) {
        return list(tenantId, agentUserId, 0, Integer.MAX_VALUE).size();
    }

    @Override
    public synchronized int deleteEndedBefore(Instant cutoff) {
        List<Long> old = rows.values().stream().filter(c -> c.endedAt() != null && c.endedAt().isBefore(cutoff))
                .map(ChatSnapshot::id).toList();
        old.forEach(id -> {
            rows.remove(id);
            lines.remove(id);
        });
        return old.size();
    }

    @Override
    public synchronized int endOpen(Instant at) {
        return 0;
    }

    private static ChatSnapshot copy(ChatSnapshot c, long id, List<ChatLine> l) {
        return new ChatSnapshot(id, c.tenantId(), c.queue(), c.visitor(), c.state(), c.agent(), c.createdAt(),
                c.answeredAt(), c.endedAt(), c.endedBy(), l);
    }
}
