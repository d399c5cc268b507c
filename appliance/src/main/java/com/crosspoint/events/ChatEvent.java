package com.crosspoint.events;

import com.crosspoint.chat.ChatLine;
import com.crosspoint.chat.ChatSnapshot;
import java.time.Instant;
import java.util.Locale;

/**
 * A visitor chat changed for one agent: offered to it, the offer withdrawn (declined, timed out, the visitor
 * left), accepted, a new line, the visitor typing, ended. {@code agentUserId} is the agent concerned (only that
 * user's event stream gets it); {@code line} is set for {@code LINE} only; {@code chat} carries no lines.
 */
public record ChatEvent(Kind kind, ChatSnapshot chat, ChatLine line, long agentUserId, Instant at) implements Event {

    public enum Kind { OFFERED, WITHDRAWN, ACCEPTED, LINE, TYPING, ENDED }

    @Override
    public long tenantId() {
        return chat.tenantId();
    }

    @Override
    public String type() {
        return "chat." + kind.name().toLowerCase(Locale.ROOT);
    }
}
