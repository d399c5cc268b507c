package com.crosspoint.relay.rtp;

import java.util.Objects;

/**
 * Both sides of a relayed call.
 *
 * @param callId the id it was opened with
 * @param caller the side facing the calling phone
 * @param callee the side facing the called phone
 * @param paused whether either side is paused (hold): no media timeout then
 */
public record RelayStats(String callId, SideStats caller, SideStats callee, boolean paused) {

    public RelayStats {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(callee, "callee");
    }
}
