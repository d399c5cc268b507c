package com.crosspoint.api.dto;

import com.crosspoint.model.CallRecord;
import com.crosspoint.model.Disposition;
import com.crosspoint.model.HangupParty;
import java.time.Instant;

/**
 * A call detail record; {@code callee} is the number dialled, {@code answeredBy} the extension of the person who
 * took the call (null when none did); {@code durationSeconds} is talk time (0 when never answered);
 * {@code quality} is null unless the appliance anchored the call's media.
 */
public record CdrDto(long id, long tenantId, String callId, String caller, String callee, String answeredBy,
                     Instant startedAt, Instant answeredAt, Instant endedAt, Disposition disposition,
                     HangupParty hungUpBy, int sipCause, long durationSeconds, CallQualityDto quality) {

    public static CdrDto of(CallRecord r) {
        return new CdrDto(r.id(), r.tenantId(), r.callId(), r.caller(), r.callee(), r.answeredBy(), r.startedAt(),
                r.answeredAt(), r.endedAt(), r.disposition(), r.hungUpBy(), r.sipCause(), r.duration().toSeconds(),
                CallQualityDto.of(r.quality()));
    }
}
