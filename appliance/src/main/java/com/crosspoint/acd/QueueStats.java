package com.crosspoint.acd;

import java.util.Map;

/**
 * A queue's live figures since the appliance started.
 *
 * @param longestWaitSeconds  how long the entry at the head has waited (0 when none waits)
 * @param answeredInTime      answered within the queue's service-level time
 * @param serviceLevelPercent answered in time of all answered and abandoned (100 when there were none)
 * @param agents              the members by status
 */
public record QueueStats(long queueId, long tenantId, String number, String name, int waiting,
                         long longestWaitSeconds, int answered, int abandoned, int overflowed, int answeredInTime,
                         double serviceLevelPercent, Map<AgentStatus, Integer> agents) {
    public QueueStats {
        agents = Map.copyOf(agents);
    }
}
