package com.crosspoint.api.dto;

import java.time.Instant;

/**
 * Figures over what the login sees (an end user: its own devices and calls). {@code callsToday}
 * counts calls started since the node's local midnight, those in progress included.
 */
public record StatusDto(int registeredDevices, int activeCalls, long callsToday, Instant at) {
}
