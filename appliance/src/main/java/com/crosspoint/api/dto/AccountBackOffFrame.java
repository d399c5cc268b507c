package com.crosspoint.api.dto;

import java.time.Instant;

/**
 * Event stream: {@code security.account-back-off}. Someone failed {@code failures} times to authenticate as
 * {@code account} (over {@code channel}: sip or web) from {@code sources} addresses; until {@code until}, attempts
 * from addresses that never authenticated as it are refused.
 */
public record AccountBackOffFrame(String type, long seq, Instant at, long tenantId, String channel, String account,
                                  int failures, int sources, long backOffSeconds, Instant until) {
}
