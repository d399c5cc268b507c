package com.crosspoint.api.dto;

import com.crosspoint.model.User;

/** A user; the web password is never shown. */
public record UserDto(long id, long tenantId, String extension, String displayName, String email,
                      SettingsDto settings) {

    public static UserDto of(User u) {
        return new UserDto(u.id(), u.tenantId(), u.extension(), u.displayName(), u.email(), SettingsDto.of(u.settings()));
    }
}
