package com.crosspoint.registrar;

/** Expiry limits in seconds (RFC 3261 §10.2.8, §10.3 step 7). */
public record RegistrarPolicy(long minExpires, long maxExpires, long defaultExpires) {
    public RegistrarPolicy {
        if (minExpires < 1 || minExpires > defaultExpires || defaultExpires > maxExpires) {
            throw new IllegalArgumentException("need 1 <= minExpires <= defaultExpires <= maxExpires");
        }
    }
}
