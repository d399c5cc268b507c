package com.crosspoint.api.dto;

/** A new mailbox PIN: 4 to 10 digits. */
public record PinRequest(String pin) {
}
