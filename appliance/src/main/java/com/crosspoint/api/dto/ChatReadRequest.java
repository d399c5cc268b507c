package com.crosspoint.api.dto;

/** {@code POST /me/chats/{id}/read}: the agent has seen the visitor's lines up to {@code seq}. */
public record ChatReadRequest(Long seq) {
}
