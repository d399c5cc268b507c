package com.crosspoint.chat;

import java.util.List;

/**
 * The seam between the chat service and whoever decides which agent takes a chat: "a chat waits for an agent of
 * queue Q; tell me which agent takes it". The chat service calls these methods under its own lock, one at a time;
 * the dispatcher answers by calling {@link Offers#offer} (at once or later, from any thread, but never while it
 * holds a lock its own methods take). After an offer the chat service reports exactly one of
 * {@link #accepted}, {@link #declined}, {@link #timedOut} or {@link #finished}.
 *
 * <p>{@link RosterChatDispatch} is the placeholder implementation; the contact center's ACD (one agent state
 * across voice and chat) replaces it.
 */
public interface ChatDispatch {

    /** Where offers go: the chat service offers the chat to the agent and starts its answer timer. */
    interface Offers {
        void offer(long chatId, ChatAgent agent);
    }

    /** Connects the dispatcher to the chat service; called once, before anything else. */
    void start(Offers offers);

    /** Whether the tenant has this chat queue (a visitor asking for another is refused). */
    boolean hasQueue(long tenantId, String queue);

    /**
     * Whether anyone answers chats in this queue now (a visitor is asked to leave a message when nobody does).
     * Default: yes.
     */
    default boolean anyoneAnswers(long tenantId, String queue) {
        return true;
    }

    /** The queue as {@link #queuesOf} names it (a visitor may name it otherwise). Default: as given. */
    default String queueKey(long tenantId, String queue) {
        return queue;
    }

    /** The tenant's chat queues this user answers (empty: not a chat agent). */
    List<String> queuesOf(long tenantId, String extension);

    /** The agent switched taking chats on or off (the dashboard's switch; an ACD maps it to its agent states). */
    void presence(long tenantId, ChatAgent agent, boolean available);

    /** Whether the agent currently takes chats. */
    boolean available(long userId);

    /** A chat now waits: new, or back after a decline or timeout. */
    void waiting(QueuedChat chat);

    /** The agent the chat was offered to took it. */
    void accepted(long chatId, ChatAgent agent);

    /** The agent refused the offer; {@link #waiting} follows for the same chat. */
    void declined(long chatId, ChatAgent agent);

    /** The agent left the offer unanswered; {@link #waiting} follows for the same chat. */
    void timedOut(long chatId, ChatAgent agent);

    /** The chat is over (answered and ended, or abandoned while waiting or offered): forget it, free its agent. */
    void finished(long chatId, ChatAgent agentOrNull);

    /** 1-based place of a waiting chat in its queue; 0 when it is not waiting. */
    int position(long chatId);
}
