package com.crosspoint.acd;

import java.util.List;

/** The head entry of a queue is to be offered to {@code agents} (several for ring-all), for {@code ringSeconds}. */
public record Offer(QueueEntry entry, List<AgentState> agents, int ringSeconds) {
    public Offer {
        agents = List.copyOf(agents);
    }
}
