package com.crosspoint.model;

/** A person in a tenant, reachable at an extension; owns devices. */
public record User(long id, long tenantId, String extension, String displayName, String email,
                   CallSettings settings) {

    public User withSettings(CallSettings newSettings) {
        return new User(id, tenantId, extension, displayName, email, newSettings);
    }
}
