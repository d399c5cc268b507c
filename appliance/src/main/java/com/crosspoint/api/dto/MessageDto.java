package com.crosspoint.api.dto;

import com.crosspoint.model.InstantMessage;
import java.time.Instant;

/**
 * An instant message; {@code deliveredAt} is null while it waits for the recipient, {@code readAt}
 * until the recipient read it in the browser.
 */
public record MessageDto(long id, long tenantId, String from, String to, String contentType, String body,
                         Instant createdAt, Instant deliveredAt, Instant readAt) {

    public static MessageDto of(InstantMessage m) {
        return new MessageDto(m.id(), m.tenantId(), m.fromExtension(), m.toExtension(), m.contentType(), m.body(),
                m.createdAt(), m.deliveredAt(), m.readAt());
    }
}
