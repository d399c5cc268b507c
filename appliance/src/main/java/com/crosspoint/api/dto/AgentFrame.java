package com.crosspoint.api.dto;

import java.time.Instant;

/** Event stream: {@code acd.agent}, an agent's state after a change. */
public record AgentFrame(String type, long seq, Instant at, long tenantId, AgentDto agent) {
}
