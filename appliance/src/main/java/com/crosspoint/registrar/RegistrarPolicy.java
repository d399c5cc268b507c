package com.crosspoint.registrar;

/**
 * Expiry limits in seconds (RFC 3261 §10.2.8, §10.3 step 7), and how many bindings one address of record may have
 * (RFC 3261 sets no limit; with none, one REGISTER listing 300 contacts made every INVITE to the AOR fork 300 ways).
 */
public record RegistrarPolicy(long minExpires, long maxExpires, long defaultExpires, int maxContacts) {
    /** The default of {@code sip.limits.contactsPerAor}. */
    public static final int DEFAULT_MAX_CONTACTS = 10;

    public RegistrarPolicy {
        if (minExpires < 1 || minExpires > defaultExpires || defaultExpires > maxExpires) {
            throw new IllegalArgumentException("need 1 <= minExpires <= defaultExpires <= maxExpires");
        }
        if (maxContacts < 1) {
            throw new IllegalArgumentException("maxContacts must be positive: " + maxContacts);
        }
    }

    public RegistrarPolicy(long minExpires, long maxExpires, long defaultExpires) {
        this(minExpires, maxExpires, defaultExpires, DEFAULT_MAX_CONTACTS);
    }
}
