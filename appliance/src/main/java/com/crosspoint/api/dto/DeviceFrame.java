package com.crosspoint.api.dto;

import java.time.Instant;

/**
 * Event stream: {@code device.created|changed|deleted} (changed: it has a new SIP password, which,
 * like its digest hashes, is never shown); a deleted device is shown as it was.
 */
public record DeviceFrame(String type, long seq, Instant at, long tenantId, DeviceDto device) {
}
