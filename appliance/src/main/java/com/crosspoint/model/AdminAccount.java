package com.crosspoint.model;

/** A login to the provisioning API. {@code tenantId} is null for a superadmin. */
public record AdminAccount(long id, String username, String passwordHash, Role role, Long tenantId) {
}
