package com.crosspoint.chat;

import java.time.Instant;
import java.util.Objects;

/**
 * What a visitor left in a chat queue nobody answered: their name, optional e-mail and text, as they typed them
 * (untrusted text everywhere it is shown), and, once an agent dealt with it, who and when.
 *
 * @param handledBy the extension of the agent who marked it handled (null while open)
 */
public record LeftMessage(long id, long tenantId, String queue, String name, String email, String text,
                          String source, Instant createdAt, Instant handledAt, String handledBy) {
    public LeftMessage {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public boolean handled() {
        return handledAt != null;
    }
}
