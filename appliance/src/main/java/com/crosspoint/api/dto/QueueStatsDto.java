package com.crosspoint.api.dto;

import com.crosspoint.acd.AgentStatus;
import com.crosspoint.acd.QueueStats;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A queue's live figures; {@code transferred} counts the callers a supervisor moved to another queue, {@code agents}
 * the members by status (every status present), {@code callbacks} the callbacks asked for, served, failed since the
 * start and waiting now.
 */
public record QueueStatsDto(long queueId, String number, String name, int waiting, long longestWaitSeconds,
                            int offered, int answered, int abandoned, int overflowed, int transferred,
                            int answeredInTime,
                            double serviceLevelPercent, double averageAnswerSeconds,
                            Map<String, Integer> agents, QueueStats.Callbacks callbacks) {
    public static QueueStatsDto of(QueueStats s) {
        Map<String, Integer> agents = new LinkedHashMap<>();
        for (AgentStatus status : AgentStatus.values()) {
            agents.put(status.name(), s.agents().getOrDefault(status, 0));
        }
        return new QueueStatsDto(s.queueId(), s.number(), s.name(), s.waiting(), s.longestWaitSeconds(),
                s.offered(), s.answered(), s.abandoned(), s.overflowed(), s.transferred(), s.answeredInTime(),
                s.serviceLevelPercent(), s.averageAnswerSeconds(), agents, s.callbacks());
    }
}
