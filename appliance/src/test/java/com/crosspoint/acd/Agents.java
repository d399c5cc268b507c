package com.crosspoint.acd;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Test values: queues and agents with the fields a test cares about. */
final class Agents {
    static final Instant T0 = Instant.parse("2026-12-07T08:00:00Z");

    private Agents() {
    }

    static QueueConfig queue(Strategy strategy) {
        return queue(1, strategy);
    }

    static QueueConfig queue(long id, Strategy strategy) {
        return new QueueConfig(id, 1, "60" + id, "Queue " + id, strategy, 0, 0, null, 0, 15, 3, 0, 20, "sales", 30,
                0, false);
    }

    /** Agent {@code userId} (extension 100x), available since {@code idleSince} seconds after T0. */
    static AgentState available(long userId, long idleSince, int calls) {
        return new AgentState(1, userId, "100" + userId, AgentStatus.AVAILABLE, null, 0, T0.plusSeconds(idleSince),
                null, calls, null, 0, 3);
    }

    static AgentState withStatus(long userId, AgentStatus status) {
        return new AgentState(1, userId, "100" + userId, status, null, 0, T0, null, 0, null, 0, 3);
    }

    static Member member(long userId) {
        return new Member(1, userId, Map.of());
    }

    static Member skilled(long userId, int level) {
        return new Member(1, userId, Map.of("sales", level));
    }

    static Map<Long, AgentState> byId(List<AgentState> states) {
        Map<Long, AgentState> m = new HashMap<>();
        states.forEach(s -> m.put(s.userId(), s));
        return m;
    }
}
