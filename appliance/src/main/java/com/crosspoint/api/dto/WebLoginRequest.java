package com.crosspoint.api.dto;

/**
 * {@code POST /api/v1/web/login}. {@code kind} "user": extension, web password and optional
 * domain (absent: the node's default tenant). {@code kind} "admin": username and password.
 */
public record WebLoginRequest(String kind, String extension, String domain, String username, String password) {
}
