package com.crosspoint.api.dto;

import com.crosspoint.model.Role;
import java.time.Instant;

/**
 * A browser login: send {@code csrfToken} as {@code X-CSRF-Token} on every state-changing request.
 * {@code userId}, {@code extension} and {@code displayName} are null for admin accounts,
 * {@code tenantId} for global ones.
 */
public record WebSessionDto(String csrfToken, Role role, String username, Long tenantId, Long userId,
                            String extension, String displayName, Instant expiresAt) {
}
