package com.crosspoint.sip.b2bua;

import com.crosspoint.config.AnchorPolicy;
import com.crosspoint.relay.rtp.RtpRelay;
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

    /** Calls relayed through {@code relay} as {@code policy} says. */
    public static CallAnchoring through(RtpRelay relay, AnchorPolicy policy) {
        return new CallAnchoring(new RelayPorts(relay), policy);
    }

    /** The anchor of one call (see {@link CallEnvironment#anchor}). */
    MediaAnchor forCall(String callId, Consumer<Runnable> lane, Runnable onMediaTimeout) {
        return new MediaAnchor(relay, policy, callId, lane, onMediaTimeout);
    }
}
