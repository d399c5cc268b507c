package com.crosspoint.console.client;

import java.util.Map;

/** A queue's live figures ({@code QueueStats} of the API); {@code agents} counts the members by status. */
public record AcdQueueFigures(long queueId, String number, String name, int waiting, long longestWaitSeconds,
                              int answered, int abandoned, int overflowed, int answeredInTime,
                              double serviceLevelPercent, Map<String, Integer> agents) {
    public AcdQueueFigures {
        agents = agents == null ? Map.of() : Map.copyOf(agents);
    }
}
