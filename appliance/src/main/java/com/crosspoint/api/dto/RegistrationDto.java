package com.crosspoint.api.dto;

import com.crosspoint.model.Binding;
import com.crosspoint.nat.NatFinding;
import java.time.Instant;

/**
 * One registered contact; {@code extension} and {@code sipUsername} are null once their user or device is gone;
 * {@code source} is the flow requests to a NATed device take, {@code nat} what was found of its NAT.
 */
public record RegistrationDto(long tenantId, String aor, String contact, Instant expiresAt, String transport,
                              String source, String userAgent, String extension, long deviceId,
                              String sipUsername, NatDto nat) {

    public static RegistrationDto of(Binding b, String extension, String sipUsername, NatFinding nat) {
        return new RegistrationDto(b.tenantId(), b.aor(), b.contact(), b.expiresAt(), b.transport(), b.source(),
                b.userAgent(), extension, b.deviceId(), sipUsername, NatDto.of(nat));
    }
}
