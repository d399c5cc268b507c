package com.crosspoint.api.dto;

/**
 * Change an agent's state: {@code status} AVAILABLE (log in, or end a pause), PAUSED (with {@code reason}) or
 * LOGGED_OUT; {@code chatCapacity} (0..20) applies when logging in.
 */
public record AgentRequest(String status, String reason, Integer chatCapacity) {
}
