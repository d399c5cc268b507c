package com.crosspoint.console.client;

/** A tenant as {@code GET /api/v1/tenants} lists it (the console needs only which and what it is called). */
public record Tenant(long id, String name) {
    @Override
    public String toString() {
        return name;
    }
}
