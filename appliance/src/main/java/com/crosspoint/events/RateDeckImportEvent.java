package com.crosspoint.events;

import com.crosspoint.model.RateDeckImport;
import java.time.Instant;

/**
 * A carrier's rate-deck import moved on (state or percent): for the node's administrators, whose dashboard draws
 * the progress bar from it. Carriers belong to the node, not to a tenant: {@link #tenantId()} is 0.
 */
public record RateDeckImportEvent(RateDeckImport deckImport, Instant at) implements Event {
    public static final long NODE = 0;

    @Override
    public long tenantId() {
        return NODE;
    }

    @Override
    public String type() {
        return "rate-deck.import";
    }
}
