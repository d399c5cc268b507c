package com.crosspoint.events;

import com.crosspoint.model.InstantMessage;
import java.time.Instant;

/** An instant message was stored (sent) or delivered to a device of its recipient. */
public record MessageEvent(Kind kind, InstantMessage message, Instant at) implements Event {

    public enum Kind { STORED, DELIVERED }

    @Override
    public long tenantId() {
        return message.tenantId();
    }

    @Override
    public String type() {
        return "message." + kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
