package com.crosspoint.store;

import com.crosspoint.model.RateDeck;
import com.crosspoint.model.RateRow;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Carriers' rate decks. A deck of a million rows is written in many transactions while it is staged, where no
 * reader looks; {@link #activate} then makes it the carrier's deck in one transaction. So a reader of the active
 * deck sees the old deck or the new one whole, never half, and a failed import leaves the old deck in place.
 */
public interface RateDeckStore {
    /**
     * Starts a new, empty, staged deck for the carrier.
     *
     * @throws java.util.NoSuchElementException when there is no such carrier
     */
    RateDeck stage(long carrierId, String source, Instant importedAt);

    /**
     * Appends rows to a staged deck, in one transaction.
     *
     * @throws IllegalStateException when the deck is not staged (or does not exist)
     */
    void addRows(long deckId, List<RateRow> rows);

    /**
     * Makes a staged deck its carrier's active deck and retires the one active before, in one transaction.
     *
     * @return the deck as it now is
     * @throws IllegalStateException when the deck is not staged (or does not exist)
     */
    RateDeck activate(long deckId);

    Optional<RateDeck> find(long deckId);

    /** The carrier's active deck, if it has one. */
    Optional<RateDeck> active(long carrierId);

    /** Every active deck, by carrier id: what the router loads at start. */
    List<RateDeck> activeDecks();

    /** Decks that are not active (retired, or staged by an import that never finished), oldest first. */
    List<RateDeck> inactive();

    /** Hands every row of the deck to {@code rows}, in the order they were added, without holding them all. */
    void forEachRow(long deckId, Consumer<RateRow> rows);

    /**
     * Deletes a deck that is not active, with its rows (in several transactions, so that a large deck does not
     * hold the database); false when there is no such deck.
     *
     * @throws IllegalStateException when the deck is active
     */
    boolean discard(long deckId);
}
