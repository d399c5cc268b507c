package com.crosspoint.api.dto;

/** Mute ({@code true}) or unmute ({@code false}) a conference participant. */
public record MuteRequest(Boolean muted) {
}
