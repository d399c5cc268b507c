package com.crosspoint.api.dto;

import com.crosspoint.call.CallSnapshot;
import com.crosspoint.call.CallState;
import java.time.Instant;

/** A call in progress (or, in a {@code call.ended} event, just finished). */
public record CallDto(String callId, long tenantId, String caller, String callerName, String callee,
                      String connectedTo, CallState state, Instant startedAt, Instant answeredAt, String codec) {

    public static CallDto of(CallSnapshot c) {
        return new CallDto(c.id(), c.tenantId(), c.caller(), c.callerName(), c.callee(), c.connectedTo(), c.state(),
                c.startedAt(), c.answeredAt(), c.codec());
    }
}
