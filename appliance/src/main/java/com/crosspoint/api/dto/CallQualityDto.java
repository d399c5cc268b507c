package com.crosspoint.api.dto;

import com.crosspoint.model.CallQualitySummary;

/** How a call sounded where the appliance anchored its media; {@code rttMillis} is null without RTCP. */
public record CallQualityDto(double mos, double lossPercent, double jitterMillis, Double rttMillis) {

    /** Null for null: a call whose media the appliance did not see has no quality. */
    public static CallQualityDto of(CallQualitySummary q) {
        return q == null ? null : new CallQualityDto(q.mos(), q.lossPercent(), q.jitterMillis(), q.rttMillis());
    }
}
