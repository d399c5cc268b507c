package com.crosspoint.config;

/**
 * The carriers' circuit breakers ({@code router.breaker.*}); read at start.
 *
 * @param failuresToOpen      consecutive failed calls (timeout, 5xx) that open a carrier's breaker
 * @param coolDownSeconds     how long it stays open before a trial call
 * @param trialTimeoutSeconds how long a trial call may stay unreported before another trial may start
 */
public record BreakerConfig(int failuresToOpen, int coolDownSeconds, int trialTimeoutSeconds) {
}
