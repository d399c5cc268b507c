package com.crosspoint.console.client;

import java.time.Instant;

/**
 * A contact-center agent's state ({@code Agent} of the API): one status for calls ({@code LOGGED_OUT, AVAILABLE,
 * RINGING, ON_CALL, WRAP_UP, PAUSED}), the chats beside it.
 */
public record AcdAgent(long userId, String extension, String status, String pauseReason, int missed, Instant since,
                       int callsAnswered, int chats, int chatCapacity) {
}
