package com.crosspoint.api.dto;

/** {@code PUT /api/v1/me/password}: the end user's web password, changed by proving the current one. */
public record MyPasswordRequest(String currentPassword, String newPassword) {
}
