package com.crosspoint.acd;

import java.util.Map;

/**
 * A queue's live figures since the appliance started.
 *
 * @param longestWaitSeconds  how long the entry at the head has waited (0 when none waits)
 * @param offered             callers who reached the queue (also those a full queue sent on at once)
 * @param transferred         moved to another queue by a supervisor while waiting (neither answered nor abandoned)
 * @param answeredInTime      answered within the queue's service-level time
 * @param serviceLevelPercent answered in time of all answered and abandoned (100 when there were none)
 * @param averageAnswerSeconds ASA: the mean wait of the answered entries (0 when none was answered)
 * @param agents              the members by status
 * @param callbacks           callbacks asked for, served and given up since the start (waiting ones are in
 *                            {@code waiting})
 */
public record QueueStats(long queueId, long tenantId, String number, String name, int waiting,
                         long longestWaitSeconds, int offered, int answered, int abandoned, int overflowed,
                         int transferred, int answeredInTime,
                         double serviceLevelPercent, double averageAnswerSeconds,
                         Map<AgentStatus, Integer> agents, Callbacks callbacks) {
    /**
     * @param requested callers who asked to be called back
     * @param served    callbacks whose caller answered and talked to an agent
     * @param failed    callbacks dropped after their last retry
     * @param waiting   callbacks keeping a place in the queue now
     */
    public record Callbacks(int requested, int served, int failed, int waiting) {
        public static final Callbacks NONE = new Callbacks(0, 0, 0, 0);
    }

    public QueueStats {
        agents = Map.copyOf(agents);
    }
}
