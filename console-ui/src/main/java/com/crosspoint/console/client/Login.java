package com.crosspoint.console.client;

import java.time.Instant;

/** A successful login; {@code tenantId} is null for global accounts (SUPERADMIN, tenant-less OPERATOR). */
public record Login(String token, String username, String role, Long tenantId, Instant expiresAt) {

    public boolean global() {
        return tenantId == null;
    }

    @Override
    public String toString() {
        return "Login[" + username + ", " + role + ", tenant " + tenantId + "]";
    }
}
