package com.crosspoint.model;

import java.time.Instant;

/**
 * A page-mode instant message (RFC 3428) between users of one tenant.
 * {@code deliveredAt} is null while the message waits for a device of the recipient to register.
 */
public record InstantMessage(long id, long tenantId, String fromExtension, String toExtension,
                             String contentType, String body, Instant createdAt, Instant deliveredAt) {

    public boolean delivered() {
        return deliveredAt != null;
    }
}
