package com.crosspoint.api.dto;

import com.crosspoint.model.Binding;
import java.time.Instant;

/** One registered contact; {@code extension} and {@code sipUsername} are null once their user or device is gone. */
public record RegistrationDto(long tenantId, String aor, String contact, Instant expiresAt, String transport,
                              String source, String userAgent, String extension, long deviceId,
                              String sipUsername) {

    public static RegistrationDto of(Binding b, String extension, String sipUsername) {
        return new RegistrationDto(b.tenantId(), b.aor(), b.contact(), b.expiresAt(), b.transport(), b.source(),
                b.userAgent(), extension, b.deviceId(), sipUsername);
    }
}
