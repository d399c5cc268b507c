package com.crosspoint.chat;

import java.time.Instant;
import java.util.List;

/**
 * A chat as it stands, immutable, for events, the API and the store. {@code agent} is the agent it is offered
 * to or answered by (null while waiting and when nobody answered); {@code endedBy} is null until it ended;
 * {@code lines} may be empty where only the header matters (an offer, the store's listing).
 */
public record ChatSnapshot(long id, long tenantId, String queue, ChatVisitor visitor, ChatState state,
                           ChatAgent agent, Instant createdAt, Instant answeredAt, Instant endedAt,
                           ChatParty endedBy, List<ChatLine> lines) {
    public ChatSnapshot {
        lines = List.copyOf(lines);
    }

    public ChatSnapshot withoutLines() {
        return lines.isEmpty() ? this : new ChatSnapshot(id, tenantId, queue, visitor, state, agent, createdAt,
                answeredAt, endedAt, endedBy, List.of());
    }
}
