package com.crosspoint.chat;

import java.time.Instant;
import java.util.Objects;

/**
 * One message of a chat. {@code seq} counts from 1 within the chat, so a visitor who reconnects asks for the
 * lines after the last one it saw and gets each exactly once. {@code author} is the visitor's name or the
 * agent's display name (untrusted text either way: faces put it in as text only).
 */
public record ChatLine(long seq, ChatParty from, String author, String text, Instant at) {
    public ChatLine {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(at, "at");
        if (seq < 1) {
            throw new IllegalArgumentException("seq starts at 1, got " + seq);
        }
    }
}
