package com.crosspoint.auth;

/** What {@link NonceService#check(String)} found out about a nonce a client sent back. */
public enum NonceStatus {
    /** Issued by us with the current secret and younger than the time-to-live. */
    VALID,
    /** Issued by us but older than the time-to-live (or dated in the future after a clock step back). */
    STALE,
    /** Not issued by us with the current secret: forged, mangled, or from before a secret change. */
    INVALID
}
