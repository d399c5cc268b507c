package com.crosspoint.api.dto;

import java.time.Instant;

/**
 * Event stream: {@code voicemail.left|saved|deleted} with the mailbox's extension and its counts
 * after the change (what the phones' message-waiting lamps show).
 */
public record VoicemailFrame(String type, long seq, Instant at, long tenantId, String extension,
                             VoicemailDto voicemail, int newMessages, int savedMessages) {
}
