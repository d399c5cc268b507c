package com.crosspoint.model;

/** What a login may do. */
public enum Role {
    /** Every tenant. */
    SUPERADMIN,
    /** One tenant's provisioning and state. */
    ADMIN,
    /** Watches calls and hangs them up. */
    OPERATOR,
    /**
     * An end user logged in with extension and web password: only its own profile, settings,
     * devices, calls and messages. Never stored as an admin account.
     */
    USER
}
