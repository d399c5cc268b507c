package com.crosspoint.api.dto;

import com.crosspoint.model.Device;
import java.time.Instant;

/** A device with its SIP password: only in the answer that set the password, never again. */
public record DeviceCredentialsDto(long id, long tenantId, long userId, String extension, String sipUsername,
                                   Instant createdAt, String password) {

    public static DeviceCredentialsDto of(Device d, String extension, String password) {
        return new DeviceCredentialsDto(d.id(), d.tenantId(), d.userId(), extension, d.sipUsername(), d.createdAt(),
                password);
    }
}
