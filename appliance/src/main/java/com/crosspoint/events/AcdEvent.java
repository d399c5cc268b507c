package com.crosspoint.events;

import com.crosspoint.acd.AgentState;
import com.crosspoint.acd.CallbackReport;
import com.crosspoint.acd.QueueStats;
import java.time.Instant;

/**
 * The contact center changed: an agent's state ({@code acd.agent}), a queue's live figures ({@code acd.queue}) or
 * a callback ({@code acd.callback}); exactly one of {@code agent}, {@code queue} and {@code callback} is set.
 */
public record AcdEvent(AgentState agent, QueueStats queue, CallbackReport callback, Instant at) implements Event {
    public AcdEvent {
        if ((agent != null ? 1 : 0) + (queue != null ? 1 : 0) + (callback != null ? 1 : 0) != 1) {
            throw new IllegalArgumentException("an agent, a queue or a callback");
        }
    }

    /** An agent's state or a queue's figures. */
    public AcdEvent(AgentState agent, QueueStats queue, Instant at) {
        this(agent, queue, null, at);
    }

    @Override
    public long tenantId() {
        return agent != null ? agent.tenantId() : queue != null ? queue.tenantId() : callback.tenantId();
    }

    @Override
    public String type() {
        return agent != null ? "acd.agent" : queue != null ? "acd.queue" : "acd.callback";
    }
}
