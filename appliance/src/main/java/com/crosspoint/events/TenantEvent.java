package com.crosspoint.events;

import com.crosspoint.model.Tenant;
import java.time.Instant;

/** A tenant was created, renamed or given another domain, or deleted (with its users and devices). */
public record TenantEvent(Kind kind, Tenant tenant, Instant at) implements ProvisioningEvent {

    @Override
    public long tenantId() {
        return tenant.id();
    }

    @Override
    public String type() {
        return kind.typeOf("tenant");
    }
}
