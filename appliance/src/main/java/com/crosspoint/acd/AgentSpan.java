package com.crosspoint.acd;

import java.time.Instant;
import java.util.Objects;

/** A stretch of time an agent spent in one status (logged out is not kept): what occupancy is measured from. */
public record AgentSpan(long tenantId, long userId, AgentStatus status, Instant from, Instant to) {
    public AgentSpan {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a span ends after it starts");
        }
    }
}
