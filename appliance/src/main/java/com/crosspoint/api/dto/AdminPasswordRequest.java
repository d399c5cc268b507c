package com.crosspoint.api.dto;

/**
 * A new password for an admin account; {@code currentPassword} is required when an account changes its own
 * (a stolen session alone cannot take the account over), not when a superadmin resets another's.
 */
public record AdminPasswordRequest(String password, String currentPassword) {
}
