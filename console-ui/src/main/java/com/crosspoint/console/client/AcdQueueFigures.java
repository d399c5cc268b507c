package com.crosspoint.console.client;

import java.util.Map;

/**
 * A queue's live figures ({@code QueueStats} of the API); {@code agents} counts the members by status,
 * {@code averageAnswerSeconds} is the ASA.
 */
public record AcdQueueFigures(long queueId, String number, String name, int waiting, long longestWaitSeconds,
                              int offered, int answered, int abandoned, int overflowed, int answeredInTime,
                              double serviceLevelPercent, double averageAnswerSeconds,
                              Map<String, Integer> agents) {
    public AcdQueueFigures {
        agents = agents == null ? Map.of() : Map.copyOf(agents);
    }
}
