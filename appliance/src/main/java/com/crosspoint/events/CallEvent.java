package com.crosspoint.events;

import com.crosspoint.call.CallSnapshot;
import java.time.Instant;

/** A call changed state; the snapshot is the call as it is now (ENDED for the last event). */
public record CallEvent(CallSnapshot call, Instant at) implements Event {

    @Override
    public long tenantId() {
        return call.tenantId();
    }

    @Override
    public String type() {
        return "call." + call.state().name().toLowerCase(java.util.Locale.ROOT);
    }
}
