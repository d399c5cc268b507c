package com.crosspoint.api.dto;

import java.time.Instant;
import java.util.List;

/**
 * The contact center of a tenant as a supervisor sees it now: every queue with its live figures and the callers
 * waiting in it (head first), and every agent's state. The event stream's {@code acd.*} frames keep it current.
 */
public record AcdBoardDto(Instant at, List<QueueBoard> queues, List<AgentDto> agents) {

    /** One queue: its figures, its service-level time and who waits. */
    public record QueueBoard(QueueStatsDto stats, int serviceLevelSeconds, List<WaitingCallerDto> waiting) {
    }
}
