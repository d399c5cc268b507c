package com.crosspoint.acd.report;

import java.time.Instant;

/**
 * An agent's figures over one interval.
 *
 * @param answered             queue calls answered that joined in the interval
 * @param averageHandleSeconds AHT of those calls: talk plus wrap-up (0 when none)
 * @param staffedSeconds       time logged in and not paused (available, ringing, on a call, wrapping up)
 * @param occupancyPercent     time on a call or wrapping up of the staffed time (0 when not staffed)
 */
public record AgentInterval(Instant start, long userId, int answered, double averageHandleSeconds,
                            double staffedSeconds, double occupancyPercent) {
}
