package com.crosspoint.api.dto;

/**
 * Create or replace a user. {@code settings} null keeps the current ones (defaults on create);
 * {@code webPassword} null leaves the dashboard password as it is.
 */
public record UserRequest(String extension, String displayName, String email, SettingsDto settings,
                          String webPassword) {
}
