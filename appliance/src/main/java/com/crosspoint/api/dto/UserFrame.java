package com.crosspoint.api.dto;

import java.time.Instant;

/** Event stream: {@code user.created|changed|deleted}; a deleted user is shown as it was, its devices went with it. */
public record UserFrame(String type, long seq, Instant at, long tenantId, UserDto user) {
}
