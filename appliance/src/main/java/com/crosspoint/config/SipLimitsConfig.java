package com.crosspoint.config;

/**
 * Limits the SIP edge enforces (issue 10); see docs/security.md.
 *
 * @param reportSeconds at most one log line this often counts what the limits refused ({@code sip.limits.reportSeconds})
 */
public record SipLimitsConfig(int reportSeconds) {
}
