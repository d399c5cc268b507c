package com.crosspoint.api.dto;

import com.crosspoint.model.Device;
import java.time.Instant;

/** A SIP device; {@code extension} is its user's. Neither password nor hashes are shown. */
public record DeviceDto(long id, long tenantId, long userId, String extension, String sipUsername,
                        Instant createdAt) {

    public static DeviceDto of(Device d, String extension) {
        return new DeviceDto(d.id(), d.tenantId(), d.userId(), extension, d.sipUsername(), d.createdAt());
    }
}
