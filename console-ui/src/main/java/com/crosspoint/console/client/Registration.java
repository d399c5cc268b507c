package com.crosspoint.console.client;

import java.time.Instant;

/**
 * One registered contact of a device. {@code extension} and {@code sipUsername} are null once the
 * user or device behind it is gone.
 */
public record Registration(long tenantId, String aor, String contact, Instant expiresAt, String transport,
                           String source, String userAgent, String extension, long deviceId, String sipUsername) {

    /** What identifies a registration across events: one contact of one address of record. */
    public String key() {
        return tenantId + "|" + aor + "|" + contact;
    }
}
