package com.crosspoint.api.dto;

import java.util.List;

/**
 * Ephemeral TURN credentials, in the shape of the TURN REST API's answer (draft-uberti-behave-turn-rest):
 * {@code username} ({@code <expiry>:<extension>@<domain>}), {@code password}, {@code ttl} in seconds, and the
 * {@code uris} of the server (stun:, turn: with UDP and TCP).
 */
public record TurnCredentialsDto(String username, String password, long ttl, List<String> uris) {

    /** The password is the point of this value, but it still stays out of logs. */
    @Override
    public String toString() {
        return "TurnCredentialsDto[" + username + ", password hidden, ttl=" + ttl + ", uris=" + uris + "]";
    }
}
