package com.crosspoint.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A rate deck of a carrier as stored: its rows are written while it is {@link Status#STAGED}, and it becomes the
 * carrier's one {@link Status#ACTIVE} deck in a single step, which retires the previous one.
 *
 * @param source   where the rows came from (a file name), for the admin's eyes
 * @param rowCount rows the deck holds
 */
public record RateDeck(long id, long carrierId, String source, Instant importedAt, long rowCount, Status status) {
    /** Where a deck is in its life. */
    public enum Status { STAGED, ACTIVE, RETIRED }

    public RateDeck {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(importedAt, "importedAt");
        Objects.requireNonNull(status, "status");
    }
}
