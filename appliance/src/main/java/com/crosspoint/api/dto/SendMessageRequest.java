package com.crosspoint.api.dto;

/** {@code POST /api/v1/me/messages}: a text message to another extension of the tenant. */
public record SendMessageRequest(String to, String body) {
}
