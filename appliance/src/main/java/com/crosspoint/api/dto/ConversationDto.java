package com.crosspoint.api.dto;

/** One conversation of the end user: the peer, its newest message either way, messages to me still unread. */
public record ConversationDto(String peer, String peerName, MessageDto lastMessage, int unread) {
}
