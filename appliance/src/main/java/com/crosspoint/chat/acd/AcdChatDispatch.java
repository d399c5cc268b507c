package com.crosspoint.chat.acd;

import com.crosspoint.acd.AgentBoard;
import com.crosspoint.acd.AgentState;
import com.crosspoint.acd.AgentStatus;
import com.crosspoint.acd.ContactCenter;
import com.crosspoint.acd.QueueConfig;
import com.crosspoint.chat.ChatAgent;
import com.crosspoint.chat.ChatDispatch;
import com.crosspoint.chat.QueuedChat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Chats go to the contact center's agents: a chat names an ACD queue of its tenant (by number or name), waits
 * behind the chats before it in that queue, and is offered to a member of the queue whose one agent state lets it
 * take one more chat ({@link ContactCenter#chatAgents}: logged in, not paused, under its chat capacity, and not on
 * a call unless the queue allows chats during calls), the one with the fewest chats first (ties: offered a chat
 * longest ago). An offer counts on the agent's chats at once, so the ACD sees it when it offers calls. The
 * dashboard's chat switch logs the agent in or out of the ACD; an offer left unanswered pauses the agent.
 *
 * <p>Offers are decided under this object's lock and made after it is released, as {@link ChatDispatch} asks.
 * Agents freed on the voice side (a call or wrap-up ended, a login) reach {@link #agentChanged} from the event
 * bus's thread, which offers what waits.
 */
public final class AcdChatDispatch implements ChatDispatch {
    private final ContactCenter center;
    private final ChatAgents people;
    private final int chatCapacity;
    private final boolean leaveMessage;
    /** By chat id, which the store gives in creation order: a chat back from a decline keeps its place. */
    private final TreeMap<Long, Waiting> waiting = new TreeMap<>();
    private final Map<Long, Set<Long>> declinedBy = new HashMap<>();
    /** The agent each offered or answered chat counts on. */
    private final Map<Long, Long> holder = new HashMap<>();
    private final Map<Long, Long> lastOffer = new HashMap<>();
    private Offers offers;
    private long offerCount;
    /** Set while choosing: an agent change the choice itself causes, heard on this thread, chooses nothing. */
    private boolean choosing;

    private record Waiting(QueuedChat chat, long queueId) {
    }

    private record Pending(long chatId, ChatAgent agent) {
    }

    /** {@code chatCapacity}: the chats an agent logging in from the chat switch may hold at once. */
    public AcdChatDispatch(ContactCenter center, ChatAgents people, int chatCapacity) {
        this(center, people, chatCapacity, false);
    }

    /** {@code leaveMessage}: a visitor of a queue none of whose members is logged in leaves a message instead. */
    public AcdChatDispatch(ContactCenter center, ChatAgents people, int chatCapacity, boolean leaveMessage) {
        this.center = center;
        this.people = people;
        this.chatCapacity = chatCapacity;
        this.leaveMessage = leaveMessage;
    }

    @Override
    public void start(Offers o) {
        synchronized (this) {
            this.offers = o;
        }
    }

    @Override
    public boolean hasQueue(long tenantId, String queue) {
        return queueOf(tenantId, queue).isPresent();
    }

    /**
     * Some member of the queue is logged in to the contact center (paused or busy ones too: they come back), or
     * visitors are not asked to leave messages.
     */
    @Override
    public boolean anyoneAnswers(long tenantId, String queue) {
        return !leaveMessage || queueOf(tenantId, queue).map(q -> center.members(q.id()).stream()
                .anyMatch(m -> center.agentState(m.userId()).filter(a -> a.status().loggedIn()).isPresent()))
                .orElse(false);
    }

    @Override
    public String queueKey(long tenantId, String queue) {
        return queueOf(tenantId, queue).map(QueueConfig::number).orElse(queue);
    }

    @Override
    public List<String> queuesOf(long tenantId, String extension) {
        return people.byExtension(tenantId, extension)
                .map(a -> center.queuesOf(a.userId()).stream().map(QueueConfig::number).toList())
                .orElse(List.of());
    }

    @Override
    public void presence(long tenantId, ChatAgent agent, boolean available) {
        Optional<AgentState> now = center.agentState(agent.userId());
        boolean loggedIn = now.map(s -> s.status().loggedIn()).orElse(false);
        if (available && !loggedIn) {
            center.agent(new AgentBoard.Login(tenantId, agent.userId(), agent.extension(), chatCapacity));
        } else if (available && now.get().status() == AgentStatus.PAUSED) {
            center.agent(new AgentBoard.Resume(agent.userId()));
        } else if (!available && loggedIn) {
            center.agent(new AgentBoard.Logout(agent.userId()));
        }
        offerWhatWaits();
    }

    @Override
    public boolean available(long userId) {
        return center.agentState(userId)
                .map(s -> s.status().loggedIn() && s.status() != AgentStatus.PAUSED && s.chatCapacity() > 0)
                .orElse(false);
    }

    @Override
    public void waiting(QueuedChat chat) {
        synchronized (this) {
            queueOf(chat.tenantId(), chat.queue())
                    .ifPresent(q -> waiting.put(chat.chatId(), new Waiting(chat, q.id())));
        }
        offerWhatWaits();
    }

    @Override
    public void accepted(long chatId, ChatAgent agent) {
        // Nothing moves: the offer already counts on the agent's chats.
    }

    @Override
    public void declined(long chatId, ChatAgent agent) {
        synchronized (this) {
            declinedBy.computeIfAbsent(chatId, id -> new HashSet<>()).add(agent.userId());
            release(chatId);
        }
    }

    @Override
    public void timedOut(long chatId, ChatAgent agent) {
        synchronized (this) {
            release(chatId);
        }
        change(new AgentBoard.Pause(agent.userId(), AgentState.AUTO_PAUSE)); // not at the desk: no more offers
    }

    @Override
    public void finished(long chatId, ChatAgent agentOrNull) {
        synchronized (this) {
            waiting.remove(chatId);
            declinedBy.remove(chatId);
            release(chatId);
        }
        offerWhatWaits();
    }

    @Override
    public synchronized int position(long chatId) {
        Waiting w = waiting.get(chatId);
        if (w == null) {
            return 0;
        }
        int place = 0;
        for (Waiting other : waiting.values()) {
            if (other.queueId() == w.queueId()) {
                place++;
            }
            if (other.chat().chatId() == chatId) {
                return place;
            }
        }
        return 0;
    }

    /** An agent's state changed in the contact center (from the event bus): it may take a waiting chat now. */
    public void agentChanged(AgentState state) {
        if (state.chats() < state.chatCapacity() && state.status().loggedIn()) {
            offerWhatWaits();
        }
    }

    /** Decides the offers under the lock, then makes them outside it. */
    private void offerWhatWaits() {
        List<Pending> pending;
        Offers to;
        synchronized (this) {
            to = offers;
            if (to == null || choosing) {
                return;
            }
            choosing = true;
            try {
                pending = choose();
            } finally {
                choosing = false;
            }
        }
        pending.forEach(p -> to.offer(p.chatId(), p.agent()));
    }

    /** Every waiting chat, oldest first, that has a free agent; counts each offer on its agent. Under the lock. */
    private List<Pending> choose() {
        List<Pending> chosen = new ArrayList<>();
        for (Waiting w : List.copyOf(waiting.values())) {
            Set<Long> declined = declinedBy.getOrDefault(w.chat().chatId(), Set.of());
            List<AgentState> free = center.chatAgents(w.queueId()).stream()
                    .filter(a -> a.tenantId() == w.chat().tenantId() && !declined.contains(a.userId()))
                    .sorted(Comparator.comparingInt(AgentState::chats)
                            .thenComparingLong(a -> lastOffer.getOrDefault(a.userId(), 0L)))
                    .toList();
            for (AgentState a : free) {
                Optional<ChatAgent> agent = people.byId(a.userId());
                if (agent.isPresent() && change(new AgentBoard.Chat(a.userId(), 1))) {
                    waiting.remove(w.chat().chatId());
                    holder.put(w.chat().chatId(), a.userId());
                    lastOffer.put(a.userId(), ++offerCount);
                    chosen.add(new Pending(w.chat().chatId(), agent.get()));
                    break;
                }
            }
        }
        return chosen;
    }

    /** The agent no longer holds this chat: one chat less on its state. Under the lock. */
    private void release(long chatId) {
        Long userId = holder.remove(chatId);
        if (userId != null) {
            change(new AgentBoard.Chat(userId, -1));
        }
    }

    /** Applies a change the agent's state may no longer allow (it logged out, or another offer took its place). */
    private boolean change(AgentBoard.Change change) {
        try {
            center.agent(change);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /** The tenant's ACD queue a visitor names, by its number or (ignoring case) its name. */
    private Optional<QueueConfig> queueOf(long tenantId, String queue) {
        if (queue == null || queue.isBlank()) {
            return Optional.empty();
        }
        return center.queueByNumber(tenantId, queue).or(() -> center.stats(tenantId).stream()
                .filter(s -> s.name().equalsIgnoreCase(queue)).findFirst()
                .flatMap(s -> center.queue(s.queueId())));
    }
}
