package com.crosspoint.api.dto;

/** Create or replace a DID; {@code main} left out is false. */
public record DidRequest(String number, String extension, Boolean main) {
}
