package com.crosspoint.api.dto;

import java.time.Instant;

/**
 * Event stream, to the agent concerned only: {@code chat.offered|withdrawn|accepted|line|typing|ended};
 * {@code line} is set for {@code chat.line}.
 */
public record ChatFrame(String type, long seq, Instant at, long tenantId, ChatDto chat, ChatLineDto line) {
}
