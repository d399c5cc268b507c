package com.crosspoint.acr.rate;

import com.crosspoint.model.RateDeck;
import com.crosspoint.model.RateRow;
import com.crosspoint.store.RateDeckStore;
import com.crosspoint.store.StoreException;
import java.io.IOException;
import java.io.Reader;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports a carrier's rate deck from CSV, all or nothing: a deck with a bad row changes nothing and reports every
 * bad row; a good one is written as a staged deck, activated in one transaction (durable first), and only then
 * replaces the carrier's table in the router. One import runs at a time: they are rare, and each may take a
 * good share of a core and memory.
 */
public final class RateDeckImporter {
    private static final Logger LOG = LoggerFactory.getLogger(RateDeckImporter.class);

    /**
     * @param maxRows        most data rows a deck may have
     * @param errorCap       bad rows reported by message (the rest are counted)
     * @param batchRows      rows per database transaction while staging
     */
    public record Limits(int maxRows, int errorCap, int batchRows) {
        public static final Limits DEFAULT = new Limits(5_000_000, DeckErrors.DEFAULT_CAP, 5_000);

        public Limits {
            if (maxRows < 1 || errorCap < 1 || batchRows < 1) {
                throw new IllegalArgumentException("limits must be positive: " + maxRows + ", " + errorCap + ", "
                        + batchRows);
            }
        }
    }

    private final RateDeckStore store;
    private final LiveRateTables live;
    private final Clock clock;
    private final Limits limits;

    public RateDeckImporter(RateDeckStore store, LiveRateTables live, Clock clock, Limits limits) {
        this.store = store;
        this.live = live;
        this.clock = clock;
        this.limits = limits;
    }

    /**
     * Reads {@code csv} (not closed here) and makes it the carrier's deck if every row is good.
     *
     * @param source shown with the deck, such as the uploaded file's name
     * @throws java.util.NoSuchElementException when there is no such carrier
     * @throws StoreException when the database fails; the carrier keeps its old deck
     */
    public synchronized ImportOutcome importDeck(long carrierId, Reader csv, String source, ImportProgress progress)
            throws IOException {
        long start = System.nanoTime();
        ParsedDeck parsed = ParsedDeck.read(csv, limits.maxRows(), limits.errorCap(), progress);
        Optional<PrefixRateTable> table = parsed.table();
        if (table.isEmpty()) {
            DeckErrors errors = parsed.errors();
            LOG.info("Rejected deck {} for carrier {}: {} bad rows of {}", source, carrierId, errors.count(),
                    parsed.rows());
            return new ImportOutcome.Rejected(parsed.rows(), errors.reported(), errors.unreported());
        }
        long read = System.nanoTime();
        RateDeck deck = store(carrierId, source, table.get(), progress);
        live.replace(carrierId, table.get());
        long stored = System.nanoTime();
        LOG.info("Imported deck {} for carrier {}: {} rows, {} prefixes (read {} ms, stored {} ms)", source,
                carrierId, deck.rowCount(), table.get().prefixCount(), (read - start) / 1_000_000,
                (stored - read) / 1_000_000);
        return new ImportOutcome.Imported(deck, table.get().prefixCount(), Duration.ofNanos(read - start),
                Duration.ofNanos(stored - read));
    }

    /** Stages the rows, activates the deck, then discards the deck it replaced. */
    private RateDeck store(long carrierId, String source, PrefixRateTable table, ImportProgress progress) {
        Optional<RateDeck> previous = store.active(carrierId);
        RateDeck staged = store.stage(carrierId, source, clock.instant());
        RateDeck active;
        try {
            List<RateRow> batch = new ArrayList<>(limits.batchRows());
            long[] written = {0};
            table.forEachRow(row -> {
                batch.add(row);
                if (batch.size() == limits.batchRows()) {
                    written[0] += flush(staged, batch);
                    progress.rowsStored(written[0]);
                }
            });
            written[0] += flush(staged, batch);
            progress.rowsStored(written[0]);
            active = store.activate(staged.id());
        } catch (RuntimeException e) {
            discardQuietly(staged.id(), e);
            throw e;
        }
        previous.ifPresent(old -> discardQuietly(old.id(), null));
        return active;
    }

    private int flush(RateDeck staged, List<RateRow> batch) {
        int n = batch.size();
        store.addRows(staged.id(), batch);
        batch.clear();
        return n;
    }

    /** A deck left behind is removed at the next start ({@link RateDeckLoader}), so failing here loses nothing. */
    private void discardQuietly(long deckId, RuntimeException cause) {
        try {
            store.discard(deckId);
        } catch (RuntimeException e) {
            if (cause != null) {
                cause.addSuppressed(e);
            } else {
                LOG.warn("Could not discard replaced deck {}; it is removed at the next start", deckId, e);
            }
        }
    }
}
