package com.crosspoint.model;

/** A customer of the appliance; its SIP domain is also its digest realm. */
public record Tenant(long id, String name, String domain) {
}
