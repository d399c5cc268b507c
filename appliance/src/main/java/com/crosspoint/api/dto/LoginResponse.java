package com.crosspoint.api.dto;

import com.crosspoint.model.Role;
import java.time.Instant;

/** A new login: send {@code token} as {@code Authorization: Bearer <token>}; each use extends {@code expiresAt}. */
public record LoginResponse(String token, String username, Role role, Long tenantId, Instant expiresAt) {
}
