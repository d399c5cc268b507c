package com.crosspoint.api.dto;

/** A new password; for devices it may be left out to have one generated. */
public record PasswordRequest(String password) {
}
