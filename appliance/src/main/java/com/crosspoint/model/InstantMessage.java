package com.crosspoint.model;

import java.time.Instant;

/**
 * A page-mode instant message (RFC 3428) between users of one tenant.
 * {@code deliveredAt} is null while the message waits for a device of the recipient to register;
 * {@code readAt} is null until the recipient read it in the browser (SIP devices report no reading).
 */
public record InstantMessage(long id, long tenantId, String fromExtension, String toExtension,
                             String contentType, String body, Instant createdAt, Instant deliveredAt,
                             Instant readAt) {

    /** A message nobody has read yet. */
    public InstantMessage(long id, long tenantId, String fromExtension, String toExtension, String contentType,
                          String body, Instant createdAt, Instant deliveredAt) {
        this(id, tenantId, fromExtension, toExtension, contentType, body, createdAt, deliveredAt, null);
    }

    public boolean delivered() {
        return deliveredAt != null;
    }
}
