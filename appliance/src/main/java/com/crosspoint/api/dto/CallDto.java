package com.crosspoint.api.dto;

import com.crosspoint.call.CallSnapshot;
import com.crosspoint.call.CallState;
import java.time.Instant;

/**
 * A call in progress (or, in a {@code call.ended} event, just finished); {@code quality} for calls whose media the
 * appliance carries (it answers them, or relays them between phones), null for phones sending audio to each other;
 * {@code media} how the audio travels and what was found about each phone's NAT (the NAT doctor).
 */
public record CallDto(String callId, long tenantId, String caller, String callerName, String callee,
                      String calleeName, String connectedTo, String connectedToName, CallState state,
                      Instant startedAt, Instant answeredAt, String codec, CallQualityDto quality,
                      Boolean mediaAnchored, MediaPathDto media) {

    /** {@code calleeName}, {@code connectedToName}: display names of those users of the tenant, or null. */
    public static CallDto of(CallSnapshot c, String calleeName, String connectedToName, Boolean mediaAnchored) {
        return new CallDto(c.id(), c.tenantId(), c.caller(), c.callerName(), c.callee(), calleeName, c.connectedTo(),
                connectedToName, c.state(), c.startedAt(), c.answeredAt(), c.codec(), CallQualityDto.of(c.quality()),
                mediaAnchored, MediaPathDto.of(c.media()));
    }
}
