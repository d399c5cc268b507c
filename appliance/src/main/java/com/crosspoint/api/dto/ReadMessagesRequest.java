package com.crosspoint.api.dto;

/** {@code POST /api/v1/me/messages/read}: marks every message from {@code peer} to me read. */
public record ReadMessagesRequest(String peer) {
}
