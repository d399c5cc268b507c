package com.crosspoint.acr.rate;

import com.crosspoint.model.RateDeck;
import java.time.Duration;
import java.util.List;

/** What came of a deck import: all of it, or nothing. */
public sealed interface ImportOutcome {
    /**
     * The deck is the carrier's deck, in the database and in the router.
     *
     * @param readTime reading, checking and building the table
     * @param storeTime writing the rows and activating the deck
     */
    record Imported(RateDeck deck, int prefixes, Duration readTime, Duration storeTime) implements ImportOutcome {
    }

    /**
     * Nothing was imported, because of the rows listed (at most the error cap, row-numbered) and
     * {@code moreErrors} further bad rows.
     */
    record Rejected(long rowsRead, List<String> errors, long moreErrors) implements ImportOutcome {
        public Rejected {
            errors = List.copyOf(errors);
        }
    }
}
