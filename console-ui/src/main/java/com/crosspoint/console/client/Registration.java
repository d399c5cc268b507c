package com.crosspoint.console.client;

import java.time.Instant;

/**
 * One registered contact of a device. {@code extension} and {@code sipUsername} are null once the
 * user or device behind it is gone; {@code nat} is null from an appliance that reports no NAT findings.
 */
public record Registration(long tenantId, String aor, String contact, Instant expiresAt, String transport,
                           String source, String userAgent, String extension, long deviceId, String sipUsername,
                           NatFinding nat) {

    public Registration(long tenantId, String aor, String contact, Instant expiresAt, String transport,
                        String source, String userAgent, String extension, long deviceId, String sipUsername) {
        this(tenantId, aor, contact, expiresAt, transport, source, userAgent, extension, deviceId, sipUsername, null);
    }

    /** What identifies a registration across events: one contact of one address of record. */
    public String key() {
        return tenantId + "|" + aor + "|" + contact;
    }
}
