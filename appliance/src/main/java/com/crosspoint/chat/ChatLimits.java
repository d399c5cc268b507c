package com.crosspoint.chat;

import java.time.Duration;

/**
 * What one visitor, one source address and one tenant may hold of the chat service ({@code chat.*}).
 *
 * @param maxMessageChars   characters of one message (longer: refused with an error, not cut)
 * @param messagesPerSecond messages one visitor may send per second on average
 * @param messageBurst      messages one visitor may send at once before the rate applies
 * @param perSource         open chats from one source address
 * @param perTenant         open chats of one tenant (waiting, offered and answered)
 * @param offerTimeout      how long an agent may leave an offer unanswered before it goes to the next
 * @param resumeGrace       how long a chat whose visitor lost the connection waits for it to come back
 */
public record ChatLimits(int maxMessageChars, double messagesPerSecond, int messageBurst, int perSource,
                         int perTenant, Duration offerTimeout, Duration resumeGrace) {
    public ChatLimits {
        if (maxMessageChars < 1 || messagesPerSecond <= 0 || messageBurst < 1 || perSource < 1 || perTenant < 1) {
            throw new IllegalArgumentException("chat limits must be positive");
        }
        if (offerTimeout.isNegative() || offerTimeout.isZero() || resumeGrace.isNegative()) {
            throw new IllegalArgumentException("offerTimeout must be positive and resumeGrace not negative");
        }
    }

    /** A visitor's or agent's text, stripped; refused (field {@code text}) when empty or too long. */
    public String checkedText(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || t.length() > maxMessageChars) {
            throw new InvalidChatInput("text", "must be 1 to " + maxMessageChars + " characters");
        }
        return t;
    }

    /** The defaults of {@code config/crosspoint.yaml}. */
    public static ChatLimits defaults() {
        return new ChatLimits(1000, 2, 5, 3, 200, Duration.ofSeconds(20), Duration.ofSeconds(60));
    }
}
