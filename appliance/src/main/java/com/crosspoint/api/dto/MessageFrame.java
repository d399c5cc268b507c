package com.crosspoint.api.dto;

import java.time.Instant;

/** Event stream: {@code message.stored|delivered}. */
public record MessageFrame(String type, long seq, Instant at, long tenantId, MessageDto message) {
}
