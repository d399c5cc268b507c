package com.crosspoint.api.dto;

import com.crosspoint.model.Role;

/** A new API account; {@code tenantId} is required for ADMIN, optional for OPERATOR, absent for SUPERADMIN. */
public record AdminRequest(String username, String password, Role role, Long tenantId) {
}
