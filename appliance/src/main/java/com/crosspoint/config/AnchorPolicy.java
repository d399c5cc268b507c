package com.crosspoint.config;

import java.util.Locale;
import java.util.Optional;

/** When the B2BUA puts the RTP relay between a call's phones ({@code media.anchor}). */
public enum AnchorPolicy {
    /** When either phone is behind NAT (private Contact or SDP address, {@code received} ≠ Via host, NAT at registration). */
    NAT,
    /** Every call between two phones. */
    ALWAYS,
    /** Never: SDP passes through untouched (phones behind NAT may get no audio). */
    NEVER;

    /** The policy named by its configuration word ({@code nat}, {@code always}, {@code never}), any case. */
    public static Optional<AnchorPolicy> fromWord(String word) {
        for (AnchorPolicy p : values()) {
            if (p.name().equalsIgnoreCase(word.trim())) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The configuration word. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
