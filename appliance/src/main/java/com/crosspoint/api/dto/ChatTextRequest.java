package com.crosspoint.api.dto;

/** {@code POST /me/chats/{id}/messages}: the agent's reply. */
public record ChatTextRequest(String text) {
}
