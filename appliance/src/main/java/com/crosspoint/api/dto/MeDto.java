package com.crosspoint.api.dto;

import com.crosspoint.model.Tenant;
import com.crosspoint.model.User;

/** The logged-in end user ({@code GET /api/v1/me}); the web password is never shown. */
public record MeDto(long userId, long tenantId, String domain, String extension, String displayName, String email,
                    SettingsDto settings) {

    public static MeDto of(User u, Tenant t) {
        return new MeDto(u.id(), u.tenantId(), t.domain(), u.extension(), u.displayName(), u.email(),
                SettingsDto.of(u.settings()));
    }
}
