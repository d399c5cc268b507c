package com.crosspoint.events;

import com.crosspoint.acd.AgentState;
import com.crosspoint.acd.QueueStats;
import java.time.Instant;

/**
 * The contact center changed: an agent's state ({@code acd.agent}) or a queue's live figures ({@code acd.queue});
 * exactly one of {@code agent} and {@code queue} is set.
 */
public record AcdEvent(AgentState agent, QueueStats queue, Instant at) implements Event {
    public AcdEvent {
        if ((agent == null) == (queue == null)) {
            throw new IllegalArgumentException("an agent or a queue");
        }
    }

    @Override
    public long tenantId() {
        return agent != null ? agent.tenantId() : queue.tenantId();
    }

    @Override
    public String type() {
        return agent != null ? "acd.agent" : "acd.queue";
    }
}
