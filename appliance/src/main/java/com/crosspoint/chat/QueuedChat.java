package com.crosspoint.chat;

import java.time.Instant;

/** A chat waiting for an agent of {@code queue} since {@code since}, as a dispatcher sees it. */
public record QueuedChat(long chatId, long tenantId, String queue, Instant since) {
}
