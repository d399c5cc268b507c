package com.crosspoint.api.dto;

import com.crosspoint.model.RatePlan;

public record RatePlanDto(long id, long tenantId, String name, String currency, String timeZone) {

    public static RatePlanDto of(RatePlan p) {
        return new RatePlanDto(p.id(), p.tenantId(), p.name(), p.currency(), p.timeZone().getId());
    }
}
