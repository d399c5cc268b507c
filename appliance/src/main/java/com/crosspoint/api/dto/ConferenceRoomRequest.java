package com.crosspoint.api.dto;

/**
 * Create or replace a conference room. {@code maxParticipants} null is the default (20). {@code pin}: on create,
 * null or empty for an open room; on replace, null keeps the current PIN, empty removes it, digits replace it.
 */
public record ConferenceRoomRequest(String number, String name, String pin, Integer maxParticipants) {
}
