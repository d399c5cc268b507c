package com.crosspoint.api.dto;

import com.crosspoint.chat.LeftMessage;
import java.time.Instant;

/**
 * A message a visitor left in a chat queue nobody answered; {@code name}, {@code email} and {@code text} are the
 * visitor's own (untrusted text). {@code handledAt} and {@code handledBy} (an agent's extension) are null while open.
 */
public record LeftMessageDto(long id, String queue, String name, String email, String text, Instant createdAt,
                             Instant handledAt, String handledBy) {
    public static LeftMessageDto of(LeftMessage m) {
        return new LeftMessageDto(m.id(), m.queue(), m.name(), m.email(), m.text(), m.createdAt(), m.handledAt(),
                m.handledBy());
    }
}
