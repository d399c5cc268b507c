package com.crosspoint.api.dto;

import com.crosspoint.chat.ChatLine;
import java.time.Instant;

/** One line of a visitor chat: {@code from} is visitor, agent or system; {@code author} is untrusted text. */
public record ChatLineDto(long seq, String from, String author, String text, Instant at) {
    public static ChatLineDto of(ChatLine l) {
        return l == null ? null : new ChatLineDto(l.seq(), l.from().wire(), l.author(), l.text(), l.at());
    }
}
