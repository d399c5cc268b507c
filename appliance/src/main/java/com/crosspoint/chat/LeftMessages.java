package com.crosspoint.chat;

import com.crosspoint.store.LeftMessageStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Messages visitors leave when nobody answers a chat queue: checked as chat lines are (the visitor's name and
 * e-mail as {@link ChatVisitor#of}, the text as {@link ChatLimits#checkedText}), limited per source address per
 * hour and per tenant while open, stored per tenant and queue, listed to the queue's agents, who mark them
 * handled. Thread-safe.
 */
public final class LeftMessages {
    private static final Duration HOUR = Duration.ofHours(1);
    /** The most messages one listing returns. */
    public static final int LIST_LIMIT = 200;
    /** Sources remembered before the ones quiet for an hour are forgotten. */
    private static final int SOURCES_KEPT = 10_000;

    private final LeftMessageStore store;
    private final ChatDispatch dispatch;
    private final ChatLimits chatLimits;
    private final LeftMessageLimits limits;
    private final Clock clock;
    private final Map<String, ArrayDeque<Instant>> bySource = new HashMap<>();

    public LeftMessages(LeftMessageStore store, ChatDispatch dispatch, ChatLimits chatLimits, LeftMessageLimits limits,
                        Clock clock) {
        this.store = store;
        this.dispatch = dispatch;
        this.chatLimits = chatLimits;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * A visitor leaves a message in {@code queue}.
     *
     * @throws InvalidChatInput naming the field that is wrong
     * @throws ChatRefused      unknown queue, too many from this source in the last hour, or the tenant's full
     */
    public synchronized LeftMessage leave(long tenantId, String queue, ChatVisitor visitor, String text) {
        if (queue == null || !dispatch.hasQueue(tenantId, queue)) {
            throw new ChatRefused("unknown-queue", "no chat queue \"" + queue + "\" here");
        }
        String t = chatLimits.checkedText(text);
        Instant now = clock.instant();
        ArrayDeque<Instant> recent = bySource.computeIfAbsent(visitor.source(), s -> new ArrayDeque<>());
        while (!recent.isEmpty() && !recent.peekFirst().plus(HOUR).isAfter(now)) {
            recent.removeFirst();
        }
        if (recent.size() >= limits.perSourcePerHour()) {
            throw new ChatRefused("too-many-messages", "at most " + limits.perSourcePerHour()
                    + " messages an hour from this address; try again later");
        }
        if (store.countOpen(tenantId) >= limits.openPerTenant()) {
            throw new ChatRefused("busy", "no more messages can be taken now; try again later");
        }
        recent.addLast(now);
        forgetQuietSources(now);
        return store.add(new LeftMessage(0, tenantId, dispatch.queueKey(tenantId, queue), visitor.name(),
                visitor.email(), t, visitor.source(), now, null, null));
    }

    private void forgetQuietSources(Instant now) {
        if (bySource.size() > SOURCES_KEPT) {
            bySource.values().removeIf(r -> r.isEmpty() || !r.peekLast().plus(HOUR).isAfter(now));
        }
    }

    /** The chat queues the agent {@code extension} answers. */
    public List<String> queuesOf(long tenantId, String extension) {
        return dispatch.queuesOf(tenantId, extension);
    }

    /** The messages left in the queues the agent {@code extension} answers, newest first. */
    public List<LeftMessage> forAgent(long tenantId, String extension, boolean openOnly) {
        return store.list(tenantId, dispatch.queuesOf(tenantId, extension), openOnly, LIST_LIMIT);
    }

    /** All the tenant's messages (its administrators), newest first. */
    public List<LeftMessage> forTenant(long tenantId, boolean openOnly) {
        return store.list(tenantId, null, openOnly, LIST_LIMIT);
    }

    /** Per queue: messages left, and of them still open. */
    public Map<String, int[]> counts(long tenantId) {
        return store.countsByQueue(tenantId);
    }

    /**
     * The agent {@code extension} has dealt with message {@code id}.
     *
     * @throws NoSuchElementException when it is no message of the agent's queues
     * @throws IllegalStateException  when it was handled already
     */
    public LeftMessage handled(long tenantId, String extension, long id) {
        LeftMessage m = store.find(tenantId, id).filter(f -> dispatch.queuesOf(tenantId, extension).contains(f.queue()))
                .orElseThrow(() -> new NoSuchElementException("no message " + id));
        if (!store.markHandled(tenantId, id, extension, clock.instant())) {
            throw new IllegalStateException("message " + id + " was handled already by " + m.handledBy());
        }
        return store.find(tenantId, id).orElseThrow();
    }
}
