package com.crosspoint.gateway;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The trunk channel one call holds, shared by the call's PBX attempts: whichever of them sees the call end gives it
 * back, and only the first such release counts (a late, duplicate end cannot free a channel another call holds).
 */
final class CallChannel {
    private final TrunkGroup trunk;
    private final TrunkGroup.Seat seat;
    private final AtomicBoolean released = new AtomicBoolean();

    CallChannel(TrunkGroup trunk, TrunkGroup.Seat seat) {
        this.trunk = trunk;
        this.seat = seat;
    }

    void release() {
        if (released.compareAndSet(false, true)) {
            trunk.release(seat);
        }
    }

    boolean released() {
        return released.get();
    }
}
