package com.crosspoint.config;

/**
 * Limits the SIP edge enforces (issue 10); see docs/security.md, "SIP edge".
 *
 * @param contactsPerAor          bindings an address of record may have; more replace the least recently
 *                                refreshed, a REGISTER listing more is refused ({@code sip.limits.contactsPerAor})
 * @param callsPerDevice          calls a device may have in progress; more get 486 ({@code sip.limits.callsPerDevice})
 * @param callsPerTenant          calls a tenant's devices may have in progress; more get 503
 *                                ({@code sip.limits.callsPerTenant})
 * @param subscriptionsPerUser    message-summary subscriptions of one user; more get 403
 *                                ({@code sip.limits.subscriptionsPerUser})
 * @param tcpConnectionsPerSource TCP/TLS connections one source address may hold ({@code sip.limits.tcpConnectionsPerSource})
 * @param tcpIdleSeconds          idle time after which a connection that carries no registration is closed
 *                                ({@code sip.limits.tcpIdleSeconds})
 * @param reportSeconds           at most one log line this often counts what the limits refused
 *                                ({@code sip.limits.reportSeconds})
 */
public record SipLimitsConfig(int contactsPerAor, int callsPerDevice, int callsPerTenant, int subscriptionsPerUser,
                              int tcpConnectionsPerSource, int tcpIdleSeconds, int reportSeconds) {
}
