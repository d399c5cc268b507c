package com.crosspoint.chat;

import com.crosspoint.events.ChatEvent;
import com.crosspoint.events.Event;
import com.crosspoint.store.ChatStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Visitor chats from start to end: admission (queue, per-source and per-tenant limits), the visitor's lines and
 * typing, offers through the {@link ChatDispatch}, the agent's answer, reconnects, and the transcript in the
 * {@link ChatStore}. One lock guards everything; visitors are reached through non-blocking {@link VisitorLink}s and
 * agents through {@link ChatEvent}s on the event bus. {@link #sweep} (every second) times out offers and ends the
 * chats whose visitor did not come back within {@link ChatLimits#resumeGrace()}.
 */
public final class ChatService {
    private static final Duration TYPING_EVERY = Duration.ofSeconds(1);

    private final ChatStore store;
    private static final Pattern VISITOR_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private final ChatDispatch dispatch;
    private final ChatLimits limits;
    private final Consumer<Event> publish;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<Long, ChatConversation> chats = new HashMap<>();
    private final Map<String, ChatConversation> byToken = new HashMap<>();
    private final Map<Long, Instant> offeredAt = new HashMap<>();
    private final Map<Long, Integer> toldPosition = new HashMap<>();
    private final Map<Long, Instant> lastTyping = new HashMap<>();
    private final Map<String, Integer> perSource = new HashMap<>();
    private final Map<Long, Integer> perTenant = new HashMap<>();
    private final WaitEstimate waits = new WaitEstimate();

    public ChatService(ChatStore store, ChatDispatch dispatch, ChatLimits limits, Consumer<Event> publish,
                       Clock clock) {
        this.store = store;
        this.dispatch = dispatch;
        this.limits = limits;
        this.publish = publish;
        this.clock = clock;
        int leftOpen = store.endOpen(clock.instant());
        if (leftOpen > 0) {
            org.slf4j.LoggerFactory.getLogger(ChatService.class).info("{} chats left open by the last stop ended", leftOpen);
        }
        dispatch.start(this::offer);
    }

    public ChatLimits limits() {
        return limits;
    }

    /** Starts a chat in {@code queue}; the link hears {@code started} first. */
    public synchronized ChatSnapshot open(long tenantId, String queue, ChatVisitor visitor, VisitorLink link) {
        if (queue == null || !dispatch.hasQueue(tenantId, queue)) {
            throw new ChatRefused("unknown-queue", "no chat queue \"" + queue + "\" here");
        }
        if (perSource.getOrDefault(visitor.source(), 0) >= limits.perSource()) {
            throw new ChatRefused("too-many-chats", "too many chats from this address; end one first");
        }
        if (perTenant.getOrDefault(tenantId, 0) >= limits.perTenant()) {
            throw new ChatRefused("busy", "every chat place is taken; try again later");
        }
        if (!dispatch.anyoneAnswers(tenantId, queue)) {
            throw new ChatRefused(ChatRefused.NO_AGENT, "nobody answers chats here now; leave a message");
        }
        Instant now = clock.instant();
        ChatSnapshot fresh = new ChatSnapshot(0, tenantId, queue, visitor, ChatState.WAITING, null, now, null, null,
                null, List.of());
        long id = store.create(fresh);
        ChatConversation c = new ChatConversation(id, tenantId, queue, visitor, newToken(), now,
                new MessageRate(limits.messagesPerSecond(), limits.messageBurst(), clock));
        chats.put(id, c);
        byToken.put(c.token(), c);
        perSource.merge(visitor.source(), 1, Integer::sum);
        perTenant.merge(tenantId, 1, Integer::sum);
        c.link(link, now);
        link.started(c.snapshot(false), c.token());
        dispatch.waiting(new QueuedChat(id, tenantId, queue, now));
        tellPositions();
        return c.snapshot(false);
    }

    /**
     * A visitor came back with its token: the link gets the chat, every line after {@code afterSeq} and where the
     * chat stands; an older link of the same chat is closed.
     */
    public synchronized ChatSnapshot resume(String token, long afterSeq, VisitorLink link) {
        ChatConversation c = token == null ? null : byToken.get(token);
        if (c == null) {
            throw new ChatRefused("unknown-chat", "this chat is over or unknown; start a new one");
        }
        VisitorLink old = c.link();
        c.link(link, clock.instant());
        if (old != null && old != link) {
            old.close("resumed on another connection");
        }
        link.started(c.snapshot(false), c.token());
        c.linesAfter(afterSeq).forEach(link::line);
        if (c.state() == ChatState.ACTIVE) {
            link.state(c.snapshot(false));
        }
        toldPosition.remove(c.id());
        tellPositions();
        return c.snapshot(false);
    }

    /** The visitor's connection dropped; the chat waits {@link ChatLimits#resumeGrace()} for it to resume. */
    public synchronized void linkLost(long chatId, VisitorLink link) {
        ChatConversation c = chats.get(chatId);
        if (c != null && c.link() == link) {
            c.link(null, clock.instant());
        }
    }

    public synchronized ChatLine visitorSays(long chatId, String text) {
        return visitorSays(chatId, text, null);
    }

    /**
     * A visitor's message; {@code visitorId} (may be null) is the widget's own id of it: the same id again (the
     * widget sends what it has no receipt of after a reconnect) gives the line already added, not a second one.
     */
    public synchronized ChatLine visitorSays(long chatId, String text, String visitorId) {
        ChatConversation c = live(chatId);
        ChatLine before = c.sentBefore(checkedId(visitorId));
        if (before != null) {
            return before;
        }
        String t = checkedText(text);
        if (!c.withinRate()) {
            throw new ChatRefused("too-fast", "slow down: at most " + limits.messagesPerSecond() + " messages a second");
        }
        ChatLine line = add(c, ChatParty.VISITOR, c.visitor().name(), t);
        c.sentAs(visitorId, line);
        if (c.state() == ChatState.ACTIVE) {
            publish.accept(new ChatEvent(ChatEvent.Kind.LINE, c.snapshot(false), line, c.agent().userId(), line.at()));
        }
        return line;
    }

    /** The visitor is typing: the agent hears of it at most once a second. */
    public synchronized void visitorTyping(long chatId) {
        ChatConversation c = live(chatId);
        Instant now = clock.instant();
        Instant last = lastTyping.get(chatId);
        if (c.state() != ChatState.ACTIVE || (last != null && last.plus(TYPING_EVERY).isAfter(now))) {
            return;
        }
        lastTyping.put(chatId, now);
        publish.accept(new ChatEvent(ChatEvent.Kind.TYPING, c.snapshot(false), null, c.agent().userId(), now));
    }

    public synchronized void visitorEnds(long chatId) {
        ChatConversation c = chats.get(chatId);
        if (c != null) {
            end(c, ChatParty.VISITOR);
        }
    }

    /** Called by the dispatcher: the chat goes to this agent, who has {@link ChatLimits#offerTimeout()} to answer. */
    private synchronized void offer(long chatId, ChatAgent agent) {
        ChatConversation c = chats.get(chatId);
        if (c == null) {
            dispatch.finished(chatId, agent); // ended while the dispatcher chose
            return;
        }
        if (c.state() != ChatState.WAITING) {
            return;
        }
        c.offer(agent);
        offeredAt.put(chatId, clock.instant());
        store.update(c.snapshot(false));
        publish.accept(new ChatEvent(ChatEvent.Kind.OFFERED, c.snapshot(false), null, agent.userId(), clock.instant()));
        tellPositions();
    }

    public synchronized ChatSnapshot accept(long chatId, long userId) {
        ChatConversation c = offeredTo(chatId, userId);
        Instant now = clock.instant();
        c.accept(now);
        offeredAt.remove(chatId);
        waits.answered(c.tenantId(), c.queue(), Duration.between(c.snapshot(false).createdAt(), now));
        dispatch.accepted(chatId, c.agent());
        store.update(c.snapshot(false));
        if (c.link() != null) {
            c.link().state(c.snapshot(false));
        }
        add(c, ChatParty.SYSTEM, null, c.agent().name() + " joined the chat");
        publish.accept(new ChatEvent(ChatEvent.Kind.ACCEPTED, c.snapshot(false), null, userId, now));
        return c.snapshot(true);
    }

    public synchronized void decline(long chatId, long userId) {
        ChatConversation c = offeredTo(chatId, userId);
        ChatAgent agent = c.agent();
        backToQueue(c);
        dispatch.declined(chatId, agent);
        publish.accept(new ChatEvent(ChatEvent.Kind.WITHDRAWN, c.snapshot(false), null, agent.userId(), clock.instant()));
        requeue(c);
    }

    public synchronized ChatLine agentSays(long chatId, long userId, String text) {
        ChatConversation c = answeredBy(chatId, userId);
        ChatLine line = add(c, ChatParty.AGENT, c.agent().name(), checkedText(text));
        publish.accept(new ChatEvent(ChatEvent.Kind.LINE, c.snapshot(false), line, userId, line.at()));
        return line;
    }

    public synchronized void agentTyping(long chatId, long userId) {
        ChatConversation c = answeredBy(chatId, userId);
        if (c.link() != null) {
            c.link().agentTyping();
        }
    }

    /** The agent has seen the visitor's lines up to {@code seq}: the visitor's "read" mark. */
    public synchronized void agentRead(long chatId, long userId, long seq) {
        ChatConversation c = answeredBy(chatId, userId);
        if (c.link() != null) {
            c.link().read(Math.max(0, Math.min(seq, c.lastSeq())));
        }
    }

    /** The visitor has seen the lines up to {@code seq}: the agent's "read" mark (nothing before an agent answers). */
    public synchronized void visitorRead(long chatId, long seq) {
        ChatConversation c = live(chatId);
        if (c.state() == ChatState.ACTIVE && seq >= 1 && seq <= c.lastSeq()) {
            publish.accept(new ChatEvent(ChatEvent.Kind.READ, c.snapshot(false), c.line(seq), c.agent().userId(),
                    clock.instant()));
        }
    }

    public synchronized void agentEnds(long chatId, long userId) {
        end(answeredBy(chatId, userId), ChatParty.AGENT);
    }

    /** The agent switches taking chats on or off. */
    public synchronized void presence(long tenantId, ChatAgent agent, boolean available) {
        dispatch.presence(tenantId, agent, available);
        tellPositions();
    }

    public synchronized boolean available(long userId) {
        return dispatch.available(userId);
    }

    public List<String> queuesOf(long tenantId, String extension) {
        return dispatch.queuesOf(tenantId, extension);
    }

    /** The chats offered to or answered by this agent now, with their lines. */
    public synchronized List<ChatSnapshot> openChatsOf(long userId) {
        return chats.values().stream().filter(c -> c.heldBy(userId)).map(c -> c.snapshot(true))
                .sorted(java.util.Comparator.comparingLong(ChatSnapshot::id)).toList();
    }

    /** Times out offers and ends chats whose visitor did not come back; run every second or so. */
    public synchronized void sweep() {
        Instant now = clock.instant();
        for (Map.Entry<Long, Instant> e : List.copyOf(offeredAt.entrySet())) {
            ChatConversation c = chats.get(e.getKey());
            if (c != null && !e.getValue().plus(limits.offerTimeout()).isAfter(now)) {
                ChatAgent agent = c.agent();
                backToQueue(c);
                dispatch.timedOut(c.id(), agent);
                publish.accept(new ChatEvent(ChatEvent.Kind.WITHDRAWN, c.snapshot(false), null, agent.userId(), now));
                requeue(c);
            }
        }
        for (ChatConversation c : List.copyOf(chats.values())) {
            Instant lost = c.linkLostAt();
            if (c.link() == null && lost != null && !lost.plus(limits.resumeGrace()).isAfter(now)) {
                end(c, ChatParty.SYSTEM);
            }
        }
    }

    /** Deletes stored chats that ended more than {@code retention} ago; how many. */
    public int purge(Duration retention) {
        return store.deleteEndedBefore(clock.instant().minus(retention));
    }

    /** Open chats now (waiting, offered, answered). */
    public synchronized int openChats() {
        return chats.size();
    }

    /** The tenant's chats no agent has answered yet (waiting or offered), without lines: the live queue figures. */
    public synchronized List<ChatSnapshot> unanswered(long tenantId) {
        return chats.values().stream().filter(c -> c.tenantId() == tenantId && c.state() != ChatState.ACTIVE)
                .map(c -> c.snapshot(false)).toList();
    }

    private void backToQueue(ChatConversation c) {
        offeredAt.remove(c.id());
        c.withdrawOffer();
        store.update(c.snapshot(false));
    }

    private void requeue(ChatConversation c) {
        dispatch.waiting(new QueuedChat(c.id(), c.tenantId(), c.queue(), c.snapshot(false).createdAt()));
        toldPosition.remove(c.id());
        tellPositions();
    }

    private void end(ChatConversation c, ChatParty by) {
        if (c.isEnded()) {
            return;
        }
        ChatAgent agent = c.agent();
        c.end(by, clock.instant());
        offeredAt.remove(c.id());
        store.update(c.snapshot(false));
        chats.remove(c.id());
        byToken.remove(c.token());
        toldPosition.remove(c.id());
        lastTyping.remove(c.id());
        perSource.computeIfPresent(c.visitor().source(), (k, n) -> n <= 1 ? null : n - 1);
        perTenant.computeIfPresent(c.tenantId(), (k, n) -> n <= 1 ? null : n - 1);
        if (c.link() != null) {
            c.link().state(c.snapshot(false));
            c.link().close("chat ended");
        }
        if (agent != null) {
            publish.accept(new ChatEvent(ChatEvent.Kind.ENDED, c.snapshot(false), null, agent.userId(), clock.instant()));
        }
        dispatch.finished(c.id(), agent); // may offer the agent's freed place at once
        tellPositions();
    }

    private ChatLine add(ChatConversation c, ChatParty from, String author, String text) {
        ChatLine line = c.add(from, author, text, clock.instant());
        store.addLine(c.id(), line);
        if (c.link() != null) {
            c.link().line(line);
        }
        return line;
    }

    /** Tells every waiting visitor whose place changed its new place. */
    private void tellPositions() {
        for (ChatConversation c : chats.values()) {
            int place = c.state() == ChatState.WAITING ? dispatch.position(c.id()) : 0;
            Integer told = toldPosition.put(c.id(), place);
            if (c.link() != null && place > 0 && (told == null || told != place)) {
                c.link().position(place, waits.estimate(c.tenantId(), c.queue(), place));
            }
        }
    }

    private String checkedText(String text) {
        return limits.checkedText(text);
    }

    private static String checkedId(String visitorId) {
        if (visitorId != null && !VISITOR_ID.matcher(visitorId).matches()) {
            throw new InvalidChatInput("id", "is 1 to 64 letters, digits, '_' or '-'");
        }
        return visitorId;
    }

    private ChatConversation live(long chatId) {
        ChatConversation c = chats.get(chatId);
        if (c == null) {
            throw new ChatRefused("ended", "this chat is over");
        }
        return c;
    }

    private ChatConversation offeredTo(long chatId, long userId) {
        ChatConversation c = chats.get(chatId);
        if (c == null || c.state() != ChatState.OFFERED || !c.heldBy(userId)) {
            throw new ChatRefused("not-offered", "chat " + chatId + " is not offered to you");
        }
        return c;
    }

    private ChatConversation answeredBy(long chatId, long userId) {
        ChatConversation c = chats.get(chatId);
        if (c == null || c.state() != ChatState.ACTIVE || !c.heldBy(userId)) {
            throw new ChatRefused("not-yours", "chat " + chatId + " is not an open chat of yours");
        }
        return c;
    }

    private String newToken() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
