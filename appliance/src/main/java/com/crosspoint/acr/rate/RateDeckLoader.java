package com.crosspoint.acr.rate;

import com.crosspoint.model.RateDeck;
import com.crosspoint.store.RateDeckStore;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads the active decks at start, after removing decks that an import left behind (staged or retired). */
public final class RateDeckLoader {
    private static final Logger LOG = LoggerFactory.getLogger(RateDeckLoader.class);

    private final RateDeckStore store;

    public RateDeckLoader(RateDeckStore store) {
        this.store = store;
    }

    /** Every carrier's active deck as a table, by carrier id. */
    public Map<Long, PrefixRateTable> load() {
        for (RateDeck leftover : store.inactive()) {
            LOG.info("Removing {} deck {} of carrier {} ({} rows)", leftover.status(), leftover.id(),
                    leftover.carrierId(), leftover.rowCount());
            store.discard(leftover.id());
        }
        Map<Long, PrefixRateTable> tables = new HashMap<>();
        for (RateDeck deck : store.activeDecks()) {
            PrefixRateTableBuilder builder = new PrefixRateTableBuilder();
            int[] position = {0};
            store.forEachRow(deck.id(), row -> builder.add(++position[0], row));
            DeckErrors errors = new DeckErrors(DeckErrors.DEFAULT_CAP);
            builder.build(errors).ifPresentOrElse(table -> tables.put(deck.carrierId(), table),
                    () -> LOG.error("Deck {} of carrier {} does not build, carrier has no rates: {}", deck.id(),
                            deck.carrierId(), errors.reported()));
        }
        return tables;
    }
}
