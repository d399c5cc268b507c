package com.crosspoint.chat;

import java.time.Duration;

/**
 * The chat service's way to the visitor's browser (the WebSocket, in the API): every call must return at once
 * and never block, whatever the network does.
 */
public interface VisitorLink {
    /** The chat this link carries, first of all: its id and state and the visitor's token for reconnecting. */
    void started(ChatSnapshot chat, String token);

    void line(ChatLine line);

    /** The chat's state changed: answered by {@code agent} (its display name), or ended by {@code endedBy}. */
    void state(ChatSnapshot chat);

    /** Waiting at this place of its queue (1 = next); {@code estimate} may be null (nothing answered yet). */
    void position(int position, Duration estimate);

    /** The agent is typing. */
    void agentTyping();

    /** The service is done with this link (the chat ended, or another connection resumed it). */
    void close(String reason);
}
