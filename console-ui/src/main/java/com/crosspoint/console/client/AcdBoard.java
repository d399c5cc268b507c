package com.crosspoint.console.client;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/v1/tenants/{t}/acd/board}: every queue with its figures and waiting callers (head first), and
 * every agent, as the appliance had them at {@code at} (its clock: waits are counted from there).
 */
public record AcdBoard(Instant at, List<QueueBoard> queues, List<AcdAgent> agents) {
    public AcdBoard {
        queues = queues == null ? List.of() : List.copyOf(queues);
        agents = agents == null ? List.of() : List.copyOf(agents);
    }

    /** One queue of the board. */
    public record QueueBoard(AcdQueueFigures stats, int serviceLevelSeconds, List<WaitingCaller> waiting) {
        public QueueBoard {
            waiting = waiting == null ? List.of() : List.copyOf(waiting);
        }
    }

    /** A caller (or a kept callback) waiting; {@code caller} and {@code callerName} are the caller's own text. */
    public record WaitingCaller(long entryId, int position, String caller, String callerName, Instant joinedAt,
                                boolean callback) {
    }
}
