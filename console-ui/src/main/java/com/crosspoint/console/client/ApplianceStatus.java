package com.crosspoint.console.client;

import java.time.Instant;

/** {@code GET /api/v1/status}: counters over the tenants the login sees. */
public record ApplianceStatus(long registeredDevices, long activeCalls, long callsToday, Instant at) {
}
