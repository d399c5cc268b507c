package com.crosspoint.model;

/** What an API account may do. */
public enum Role {
    /** Every tenant. */
    SUPERADMIN,
    /** One tenant's provisioning and state. */
    ADMIN,
    /** Watches calls and hangs them up. */
    OPERATOR
}
