package com.crosspoint.api.dto;

import com.crosspoint.model.CallRecord;
import com.crosspoint.model.Disposition;
import com.crosspoint.model.HangupParty;
import com.crosspoint.model.RatedCall;
import java.time.Instant;

/**
 * A call detail record; {@code callee} is the number dialled, {@code answeredBy} the extension of the person who
 * took the call (null when none did); {@code durationSeconds} is talk time (0 when never answered);
 * {@code quality} is null unless the appliance anchored the call's media; {@code endReason} says why the
 * appliance ended the call for billing ("credit exhausted"), null otherwise; {@code charges} are the call's cost,
 * price and margin once it is rated, null for calls billing does not rate (internal, unbilled) or has not yet.
 */
public record CdrDto(long id, long tenantId, String callId, String caller, String callee, String answeredBy,
                     Instant startedAt, Instant answeredAt, Instant endedAt, Disposition disposition,
                     HangupParty hungUpBy, int sipCause, long durationSeconds, CallQualityDto quality,
                     String endReason, CdrChargesDto charges) {

    /** The record without charges (an end user's own call history shows no costs). */
    public static CdrDto of(CallRecord r) {
        return of(r, null);
    }

    /** @param rating the call's rating, or null */
    public static CdrDto of(CallRecord r, RatedCall rating) {
        return new CdrDto(r.id(), r.tenantId(), r.callId(), r.caller(), r.callee(), r.answeredBy(), r.startedAt(),
                r.answeredAt(), r.endedAt(), r.disposition(), r.hungUpBy(), r.sipCause(), r.duration().toSeconds(),
                CallQualityDto.of(r.quality()), r.endReason() == null ? null : r.endReason().text(),
                rating == null ? null : CdrChargesDto.of(rating));
    }
}
