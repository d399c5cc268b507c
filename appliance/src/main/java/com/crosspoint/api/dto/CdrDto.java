package com.crosspoint.api.dto;

import com.crosspoint.model.CallRecord;
import com.crosspoint.model.Disposition;
import com.crosspoint.model.HangupParty;
import java.time.Instant;

/**
 * A call detail record; {@code durationSeconds} is talk time (0 when never answered); {@code quality} is null
 * unless the appliance anchored the call's media.
 */
public record CdrDto(long id, long tenantId, String callId, String caller, String callee, Instant startedAt,
                     Instant answeredAt, Instant endedAt, Disposition disposition, HangupParty hungUpBy,
                     int sipCause, long durationSeconds, CallQualityDto quality) {

    public static CdrDto of(CallRecord r) {
        return new CdrDto(r.id(), r.tenantId(), r.callId(), r.caller(), r.callee(), r.startedAt(), r.answeredAt(),
                r.endedAt(), r.disposition(), r.hungUpBy(), r.sipCause(), r.duration().toSeconds(),
                CallQualityDto.of(r.quality()));
    }
}
