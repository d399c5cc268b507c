package com.crosspoint.relay.rtp;

/**
 * What a relayed call tells its owner. Called on the relay's timer thread, never on a forwarding thread; an
 * implementation hands off to the call's own lane and returns at once.
 */
@FunctionalInterface
public interface RelayListener {

    /** Neither phone sent RTP or RTCP for {@code media.relayTimeout} while the call was not paused; told once. */
    void onMediaTimeout(RelayedCall call);

    /** A listener that ignores everything. */
    RelayListener NONE = call -> { };
}
