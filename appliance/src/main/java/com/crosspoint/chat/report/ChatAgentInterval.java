package com.crosspoint.chat.report;

import java.time.Instant;

/**
 * An agent's chat figures over one interval.
 *
 * @param answered             chats the agent answered that started in the interval
 * @param averageHandleSeconds answer to end of those that ended (0 when none)
 */
public record ChatAgentInterval(Instant start, long userId, int answered, double averageHandleSeconds) {
}
