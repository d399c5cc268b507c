package com.crosspoint.model;

/** An end user's exchange with one peer: the newest message either way and how many to the user are unread. */
public record Conversation(String peer, InstantMessage lastMessage, int unread) {
}
