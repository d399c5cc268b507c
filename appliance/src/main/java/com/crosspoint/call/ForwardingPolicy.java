package com.crosspoint.call;

import com.crosspoint.model.CallSettings;
import java.util.Optional;

/** Where a call to a user goes instead, given the user's settings and why they cannot take it. */
public final class ForwardingPolicy {
    /** Forwarding hops one call may take before it fails, so that A→B→A loops end. */
    public static final int MAX_HOPS = 5;

    public enum Reason { BUSY, NO_ANSWER, UNAVAILABLE }

    private ForwardingPolicy() {
    }

    /** Forward-always target, consulted before any device rings. */
    public static Optional<String> always(CallSettings s) {
        return nonBlank(s.forwardAlways());
    }

    /**
     * The target for a call that failed to connect. Do-not-disturb counts as busy; an unreachable
     * user (no device registered) is treated like no answer, as a person would expect.
     */
    public static Optional<String> onFailure(CallSettings s, Reason reason) {
        return switch (reason) {
            case BUSY -> nonBlank(s.forwardBusy());
            case NO_ANSWER, UNAVAILABLE -> nonBlank(s.forwardNoAnswer());
        };
    }

    private static Optional<String> nonBlank(String v) {
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }
}
