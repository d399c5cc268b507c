package com.crosspoint.chat;

/**
 * How many messages visitors may leave when nobody answers a chat queue ({@code chat.messagesLeft*}).
 *
 * @param perSourcePerHour messages one source address may leave in any hour
 * @param openPerTenant    messages of one tenant not yet handled by an agent; beyond, visitors are refused
 */
public record LeftMessageLimits(int perSourcePerHour, int openPerTenant) {
    public LeftMessageLimits {
        if (perSourcePerHour < 1 || openPerTenant < 1) {
            throw new IllegalArgumentException("left-message limits must be positive");
        }
    }

    /** The defaults of {@code config/crosspoint.yaml}. */
    public static LeftMessageLimits defaults() {
        return new LeftMessageLimits(5, 1000);
    }
}
