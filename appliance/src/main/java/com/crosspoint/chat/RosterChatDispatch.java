package com.crosspoint.chat;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * PLACEHOLDER until the contact center's ACD takes over (issue 13): offers each waiting chat, oldest first, to an
 * agent of its queue listed in {@code chat.queues} who switched taking chats on, the least busy first (ties: the
 * one offered a chat longest ago), up to {@code chat.agentConcurrency} chats each. An agent who declined a chat is
 * not offered it again; one who let an offer time out stops taking chats until it switches them on again. It
 * knows nothing of calls: the ACD's single agent state across voice and chat replaces all of this.
 */
public final class RosterChatDispatch implements ChatDispatch {
    private final ChatRoster roster;
    private final int concurrency;
    /** By chat id, which the store gives in creation order: a chat back from a decline keeps its place. */
    private final TreeMap<Long, QueuedChat> waiting = new TreeMap<>();
    private final Map<Long, Set<Long>> declinedBy = new HashMap<>();
    private final Map<Long, Present> present = new HashMap<>();
    private final Map<Long, Long> holder = new HashMap<>();
    private Offers offers;
    private long offerCount;

    /** An agent taking chats: how many it holds and when it was last offered one. */
    private static final class Present {
        final long tenantId;
        final ChatAgent agent;
        int load;
        long lastOffer;

        Present(long tenantId, ChatAgent agent) {
            this.tenantId = tenantId;
            this.agent = agent;
        }
    }

    public RosterChatDispatch(ChatRoster roster, int concurrency) {
        this.roster = roster;
        this.concurrency = concurrency;
    }

    @Override
    public synchronized void start(Offers o) {
        this.offers = o;
    }

    @Override
    public boolean hasQueue(long tenantId, String queue) {
        return roster.agentsOf(tenantId, queue).isPresent();
    }

    @Override
    public List<String> queuesOf(long tenantId, String extension) {
        return roster.queuesOf(tenantId, extension);
    }

    @Override
    public synchronized void presence(long tenantId, ChatAgent agent, boolean available) {
        if (!available) {
            present.remove(agent.userId());
            return;
        }
        Present p = present.computeIfAbsent(agent.userId(), id -> new Present(tenantId, agent));
        p.load = (int) holder.values().stream().filter(id -> id == agent.userId()).count();
        distribute();
    }

    @Override
    public synchronized boolean available(long userId) {
        return present.containsKey(userId);
    }

    @Override
    public synchronized void waiting(QueuedChat chat) {
        waiting.put(chat.chatId(), chat);
        distribute();
    }

    @Override
    public synchronized void accepted(long chatId, ChatAgent agent) {
        // Nothing moves: the offer already counted on the agent's load.
    }

    @Override
    public synchronized void declined(long chatId, ChatAgent agent) {
        declinedBy.computeIfAbsent(chatId, id -> new HashSet<>()).add(agent.userId());
        release(chatId);
    }

    @Override
    public synchronized void timedOut(long chatId, ChatAgent agent) {
        release(chatId);
        present.remove(agent.userId());
    }

    @Override
    public synchronized void finished(long chatId, ChatAgent agentOrNull) {
        waiting.remove(chatId);
        declinedBy.remove(chatId);
        release(chatId);
        distribute();
    }

    @Override
    public synchronized int position(long chatId) {
        QueuedChat chat = waiting.get(chatId);
        if (chat == null) {
            return 0;
        }
        int place = 0;
        for (QueuedChat c : waiting.values()) {
            if (c.tenantId() == chat.tenantId() && c.queue().equals(chat.queue())) {
                place++;
            }
            if (c.chatId() == chatId) {
                return place;
            }
        }
        return 0;
    }

    private void release(long chatId) {
        Long userId = holder.remove(chatId);
        Present p = userId == null ? null : present.get(userId);
        if (p != null && p.load > 0) {
            p.load--;
        }
    }

    /** Offers every waiting chat, oldest first, that has a free agent. */
    private void distribute() {
        if (offers == null) {
            return;
        }
        for (QueuedChat chat : List.copyOf(waiting.values())) {
            Optional<Present> agent = pick(chat);
            if (agent.isEmpty()) {
                continue;
            }
            Present p = agent.get();
            waiting.remove(chat.chatId());
            holder.put(chat.chatId(), p.agent.userId());
            p.load++;
            p.lastOffer = ++offerCount;
            offers.offer(chat.chatId(), p.agent);
        }
    }

    private Optional<Present> pick(QueuedChat chat) {
        List<String> extensions = roster.agentsOf(chat.tenantId(), chat.queue()).orElse(List.of());
        Set<Long> declined = declinedBy.getOrDefault(chat.chatId(), Set.of());
        return present.values().stream()
                .filter(p -> p.tenantId == chat.tenantId() && extensions.contains(p.agent.extension()))
                .filter(p -> p.load < concurrency && !declined.contains(p.agent.userId()))
                .min(Comparator.<Present>comparingInt(p -> p.load).thenComparingLong(p -> p.lastOffer));
    }
}
