package com.crosspoint.chat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One live chat and its state machine: WAITING -> OFFERED -> ACTIVE -> ENDED, OFFERED back to WAITING on a
 * decline or timeout, and ENDED from any state. Not thread-safe: the chat service holds its lock around every
 * use. {@code token} is the visitor's narrow credential for this one chat (reconnecting), never a login.
 */
final class ChatConversation {
    private final long id;
    private final long tenantId;
    private final String queue;
    private final ChatVisitor visitor;
    private final String token;
    private final Instant createdAt;
    private final MessageRate rate;
    private final List<ChatLine> lines = new ArrayList<>();
    private ChatState state = ChatState.WAITING;
    private ChatAgent agent;
    private Instant answeredAt;
    private Instant endedAt;
    private ChatParty endedBy;
    private VisitorLink link;
    private Instant linkLostAt;

    ChatConversation(long id, long tenantId, String queue, ChatVisitor visitor, String token, Instant createdAt,
                     MessageRate rate) {
        this.id = id;
        this.tenantId = tenantId;
        this.queue = queue;
        this.visitor = visitor;
        this.token = token;
        this.createdAt = createdAt;
        this.rate = rate;
    }

    long id() {
        return id;
    }

    long tenantId() {
        return tenantId;
    }

    String queue() {
        return queue;
    }

    ChatVisitor visitor() {
        return visitor;
    }

    String token() {
        return token;
    }

    ChatState state() {
        return state;
    }

    ChatAgent agent() {
        return agent;
    }

    boolean isEnded() {
        return state == ChatState.ENDED;
    }

    boolean heldBy(long userId) {
        return agent != null && agent.userId() == userId && (state == ChatState.OFFERED || state == ChatState.ACTIVE);
    }

    boolean withinRate() {
        return rate.tryTake();
    }

    void offer(ChatAgent to) {
        require(ChatState.WAITING);
        state = ChatState.OFFERED;
        agent = to;
    }

    /** Back to the queue: the agent declined or let the offer time out. */
    void withdrawOffer() {
        require(ChatState.OFFERED);
        state = ChatState.WAITING;
        agent = null;
    }

    void accept(Instant at) {
        require(ChatState.OFFERED);
        state = ChatState.ACTIVE;
        answeredAt = at;
    }

    /** Ends the chat; a chat that ended before an answer keeps no agent. */
    void end(ChatParty by, Instant at) {
        if (state == ChatState.ENDED) {
            return;
        }
        if (state != ChatState.ACTIVE) {
            agent = null;
        }
        state = ChatState.ENDED;
        endedBy = by;
        endedAt = at;
    }

    ChatLine add(ChatParty from, String author, String text, Instant at) {
        ChatLine line = new ChatLine(lines.size() + 1L, from, author, text, at);
        lines.add(line);
        return line;
    }

    /** The lines after {@code seq} (0: all), for a visitor that reconnects. */
    List<ChatLine> linesAfter(long seq) {
        int from = (int) Math.max(0, Math.min(seq, lines.size()));
        return List.copyOf(lines.subList(from, lines.size()));
    }

    VisitorLink link() {
        return link;
    }

    void link(VisitorLink l, Instant at) {
        link = l;
        linkLostAt = l == null ? at : null;
    }

    Instant linkLostAt() {
        return linkLostAt;
    }

    ChatSnapshot snapshot(boolean withLines) {
        return new ChatSnapshot(id, tenantId, queue, visitor, state, agent, createdAt, answeredAt, endedAt, endedBy,
                withLines ? lines : List.of());
    }

    private void require(ChatState expected) {
        if (state != expected) {
            throw new IllegalStateException("chat " + id + " is " + state.wire() + ", not " + expected.wire());
        }
    }
}
