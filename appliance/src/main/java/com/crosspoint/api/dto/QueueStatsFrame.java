package com.crosspoint.api.dto;

import java.time.Instant;

/** Event stream: {@code acd.queue}, a queue's live figures after a change. */
public record QueueStatsFrame(String type, long seq, Instant at, long tenantId, QueueStatsDto queue) {
}
