package com.crosspoint.relay.turn;

import com.crosspoint.config.TurnConfig;
import com.crosspoint.relay.stun.AttributeType;
import com.crosspoint.relay.stun.StunMessage;

/** The lifetime an Allocate or Refresh gets, RFC 8656 s7.2 and s8. */
final class Lifetimes {
    private Lifetimes() {
    }

    /**
     * s7.2: "If the client requested a lifetime ... the server uses the smaller of the requested lifetime and the
     * maximum allowed lifetime"; a lifetime below the default gets the default. A Refresh asking for 0 is handled
     * before this.
     */
    static long granted(StunMessage request, TurnConfig.Lifetimes lifetimes) {
        long asked = request.uint32(AttributeType.LIFETIME).orElse((long) lifetimes.allocation());
        return Math.min(Math.max(asked, lifetimes.allocation()), lifetimes.maxAllocation());
    }
}
