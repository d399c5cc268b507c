package com.crosspoint.api.dto;

import com.crosspoint.model.Device;
import java.time.Instant;

/**
 * A device with its SIP password (only in the answer that set the password, never again) and what a phone
 * needs besides: the SIP server and port to register to and the SIP domain (the tenant's, also the realm).
 */
public record DeviceCredentialsDto(long id, long tenantId, long userId, String extension, String sipUsername,
                                   Instant createdAt, String password, String sipServer, int sipPort,
                                   String domain) {

    public static DeviceCredentialsDto of(Device d, String extension, String password, String sipServer, int sipPort,
                                          String domain) {
        return new DeviceCredentialsDto(d.id(), d.tenantId(), d.userId(), extension, d.sipUsername(), d.createdAt(),
                password, sipServer, sipPort, domain);
    }
}
