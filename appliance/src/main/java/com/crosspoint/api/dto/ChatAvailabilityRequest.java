package com.crosspoint.api.dto;

/** {@code PUT /me/chats/availability}: whether the agent takes chats. */
public record ChatAvailabilityRequest(Boolean available) {
}
