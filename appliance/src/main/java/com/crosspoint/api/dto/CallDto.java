package com.crosspoint.api.dto;

import com.crosspoint.call.CallSnapshot;
import com.crosspoint.call.CallState;
import java.time.Instant;

/**
 * A call in progress (or, in a {@code call.ended} event, just finished); {@code quality} only for calls the
 * appliance answers itself (voicemail, conference, menu), null for calls relayed between phones.
 */
public record CallDto(String callId, long tenantId, String caller, String callerName, String callee,
                      String calleeName, String connectedTo, String connectedToName, CallState state,
                      Instant startedAt, Instant answeredAt, String codec, CallQualityDto quality,
                      Boolean mediaAnchored) {

    /** {@code calleeName}, {@code connectedToName}: display names of those users of the tenant, or null. */
    public static CallDto of(CallSnapshot c, String calleeName, String connectedToName, Boolean mediaAnchored) {
        return new CallDto(c.id(), c.tenantId(), c.caller(), c.callerName(), c.callee(), calleeName, c.connectedTo(),
                connectedToName, c.state(), c.startedAt(), c.answeredAt(), c.codec(), CallQualityDto.of(c.quality()),
                mediaAnchored);
    }
}
