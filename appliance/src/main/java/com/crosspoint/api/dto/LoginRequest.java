package com.crosspoint.api.dto;

/** {@code POST /api/v1/auth/login}. */
public record LoginRequest(String username, String password) {
}
