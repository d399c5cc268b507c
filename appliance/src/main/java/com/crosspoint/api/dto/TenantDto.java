package com.crosspoint.api.dto;

import com.crosspoint.model.Tenant;

/** A tenant; its SIP domain is also the digest realm of its devices. */
public record TenantDto(long id, String name, String domain) {

    public static TenantDto of(Tenant t) {
        return new TenantDto(t.id(), t.name(), t.domain());
    }
}
