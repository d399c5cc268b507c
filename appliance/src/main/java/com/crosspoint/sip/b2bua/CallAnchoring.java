package com.crosspoint.sip.b2bua;

import java.util.function.Consumer;

/**
 * The relay and the policy that decide which calls between phones are relayed (see {@link MediaAnchor}): what the
 * composition root hands the B2BUA.
 */
public final class CallAnchoring {
    /** No relay: phones always send their audio to each other. */
    public static final CallAnchoring OFF = new CallAnchoring(MediaRelay.NONE, AnchorPolicy.NEVER);

    private final MediaRelay relay;
    private final AnchorPolicy policy;

    CallAnchoring(MediaRelay relay, AnchorPolicy policy) {
        this.relay = relay;
        this.policy = policy;
    }

    /** The anchor of one call (see {@link CallEnvironment#anchor}). */
    MediaAnchor forCall(String callId, Consumer<Runnable> lane, Runnable onMediaTimeout) {
        return new MediaAnchor(relay, policy, callId, lane, onMediaTimeout);
    }
}
