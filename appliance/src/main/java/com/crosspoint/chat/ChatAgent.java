package com.crosspoint.chat;

import java.util.Objects;

/** A tenant user who answers chats: its user id, extension and the name visitors see. */
public record ChatAgent(long userId, String extension, String name) {
    public ChatAgent {
        Objects.requireNonNull(extension, "extension");
        name = name == null || name.isBlank() ? extension : name;
    }
}
