package com.crosspoint.api.dto;

import java.time.Instant;

/** Event stream: {@code rate-deck.import}, a carrier's deck import moved on (superadmins only). */
public record RateDeckImportFrame(String type, long seq, Instant at, RateDeckImportDto deckImport) {
}
