package com.crosspoint.api.dto;

import java.time.Instant;

/**
 * Event stream, to the agent concerned only: {@code chat.offered|withdrawn|accepted|line|typing|read|ended};
 * {@code line} is set for {@code chat.line} and {@code chat.read} (the last line the visitor has seen).
 */
public record ChatFrame(String type, long seq, Instant at, long tenantId, ChatDto chat, ChatLineDto line) {
}
