package com.crosspoint.api.dto;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A carrier's active rate deck.
 *
 * @param rows           rate rows (a prefix may have several periods)
 * @param prefixes       distinct prefixes
 * @param effectiveFrom  the earliest day a row applies (UTC)
 * @param effectiveUntil the day after the last day a row applies (exclusive); null when a row is open-ended
 */
public record RateDeckDto(long carrierId, long deckId, String source, long rows, int prefixes, Instant importedAt,
                          LocalDate effectiveFrom, LocalDate effectiveUntil) {
}
