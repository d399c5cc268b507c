package com.crosspoint.store.derby;

import com.crosspoint.model.BillingIncrement;
import com.crosspoint.model.RateDeck;
import com.crosspoint.model.RateRow;
import com.crosspoint.store.RateDeckStore;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Decks in {@code rate_deck}, their rows in {@code rate_row} keyed by (deck, position). Reads and deletes of a
 * deck's rows go page by page, each page its own short transaction: a deck's rows never change once it is active,
 * so the pages are consistent without one transaction holding a million rows.
 */
final class DerbyRateDeckStore implements RateDeckStore {
    private static final Table DECK = Table.named("rate_deck").fixed("carrier_id", "source", "imported_at")
            .columns("row_count", "status").key("id");
    private static final String INSERT_ROW = "INSERT INTO rate_row (deck_id, row_no, prefix, destination, rate_micros,"
            + " first_increment, next_increment, effective_from, effective_until) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String SELECT_ROWS = "SELECT row_no, prefix, destination, rate_micros, first_increment,"
            + " next_increment, effective_from, effective_until FROM rate_row WHERE deck_id = ? AND row_no > ?"
            + " ORDER BY row_no FETCH FIRST ? ROWS ONLY";
    private static final int PAGE = 10_000;

    private final Transactions tx;
    private final IdBlocks ids;

    DerbyRateDeckStore(Transactions tx, IdBlocks ids) {
        this.tx = tx;
        this.ids = ids;
    }

    @Override
    public RateDeck stage(long carrierId, String source, Instant importedAt) {
        RateDeck deck = new RateDeck(ids.next("rate_deck"), carrierId, source, Columns.millis(importedAt), 0,
                RateDeck.Status.STAGED);
        return tx.run(sql -> {
            if (sql.count("SELECT COUNT(*) FROM carrier WHERE id = ?", carrierId) == 0) {
                throw new NoSuchElementException("no carrier " + carrierId);
            }
            sql.insert(DECK, deck.carrierId(), deck.source(), deck.importedAt(), deck.rowCount(), deck.status(),
                    deck.id());
            return deck;
        });
    }

    @Override
    public void addRows(long deckId, List<RateRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        tx.run(sql -> {
            RateDeck deck = staged(sql, deckId);
            long first = deck.rowCount() + 1;
            int[] position = {0};
            sql.batch(INSERT_ROW, rows, (statement, row) -> bind(statement, deckId, first + position[0]++, row));
            sql.update("UPDATE rate_deck SET row_count = row_count + ? WHERE id = ?", rows.size(), deckId);
            return null;
        });
    }

    @Override
    public RateDeck activate(long deckId) {
        return tx.run(sql -> {
            RateDeck deck = staged(sql, deckId);
            sql.update("UPDATE rate_deck SET status = ? WHERE carrier_id = ? AND status = ?", RateDeck.Status.RETIRED,
                    deck.carrierId(), RateDeck.Status.ACTIVE);
            sql.update("UPDATE rate_deck SET status = ? WHERE id = ?", RateDeck.Status.ACTIVE, deckId);
            return new RateDeck(deck.id(), deck.carrierId(), deck.source(), deck.importedAt(), deck.rowCount(),
                    RateDeck.Status.ACTIVE);
        });
    }

    @Override
    public Optional<RateDeck> find(long deckId) {
        return tx.run(sql -> sql.first(DECK.select("WHERE id = ?"), DerbyRateDeckStore::map, deckId));
    }

    @Override
    public Optional<RateDeck> active(long carrierId) {
        return tx.run(sql -> sql.first(DECK.select("WHERE carrier_id = ? AND status = ?"), DerbyRateDeckStore::map,
                carrierId, RateDeck.Status.ACTIVE));
    }

    @Override
    public List<RateDeck> activeDecks() {
        return tx.run(sql -> sql.list(DECK.select("WHERE status = ? ORDER BY carrier_id"), DerbyRateDeckStore::map,
                RateDeck.Status.ACTIVE));
    }

    @Override
    public List<RateDeck> inactive() {
        return tx.run(sql -> sql.list(DECK.select("WHERE status <> ? ORDER BY imported_at, id"),
                DerbyRateDeckStore::map, RateDeck.Status.ACTIVE));
    }

    @Override
    public void forEachRow(long deckId, Consumer<RateRow> rows) {
        long after = 0;
        while (true) {
            long from = after;
            List<Positioned> page = tx.run(sql -> sql.list(SELECT_ROWS,
                    row -> new Positioned(row.getLong("row_no"), mapRow(row)), deckId, from, PAGE));
            page.forEach(positioned -> rows.accept(positioned.row()));
            if (page.size() < PAGE) {
                return;
            }
            after = page.get(page.size() - 1).position();
        }
    }

    @Override
    public boolean discard(long deckId) {
        Optional<RateDeck> found = find(deckId);
        if (found.isEmpty()) {
            return false;
        }
        if (found.get().status() == RateDeck.Status.ACTIVE) {
            throw new IllegalStateException("deck " + deckId + " is active");
        }
        long last = tx.run(sql -> sql.one("SELECT COALESCE(MAX(row_no), 0) FROM rate_row WHERE deck_id = ?",
                row -> row.getLong(1), deckId));
        for (long to = last; to > 0; to -= PAGE) {
            long upTo = to;
            tx.run(sql -> sql.update("DELETE FROM rate_row WHERE deck_id = ? AND row_no > ? AND row_no <= ?", deckId,
                    upTo - PAGE, upTo));
        }
        return tx.run(sql -> sql.update("DELETE FROM rate_deck WHERE id = ? AND status <> ?", deckId,
                RateDeck.Status.ACTIVE) > 0);
    }

    /** A row read with its position, so that the next page starts after it. */
    private record Positioned(long position, RateRow row) {
    }

    private static RateDeck staged(Sql sql, long deckId) throws SQLException {
        RateDeck deck = sql.first(DECK.select("WHERE id = ?"), DerbyRateDeckStore::map, deckId)
                .orElseThrow(() -> new IllegalStateException("no deck " + deckId));
        if (deck.status() != RateDeck.Status.STAGED) {
            throw new IllegalStateException("deck " + deckId + " is " + deck.status() + ", not STAGED");
        }
        return deck;
    }

    private static void bind(PreparedStatement statement, long deckId, long position, RateRow row)
            throws SQLException {
        statement.setLong(1, deckId);
        statement.setInt(2, Math.toIntExact(position));
        statement.setString(3, row.prefix());
        statement.setString(4, row.destination());
        statement.setLong(5, row.ratePerMinuteMicros());
        statement.setInt(6, row.increment().firstSeconds());
        statement.setInt(7, row.increment().nextSeconds());
        statement.setDate(8, Date.valueOf(row.effectiveFrom()));
        if (row.effectiveUntil() == null) {
            statement.setNull(9, Types.DATE);
        } else {
            statement.setDate(9, Date.valueOf(row.effectiveUntil()));
        }
    }

    private static RateRow mapRow(ResultSet row) throws SQLException {
        Date until = row.getDate("effective_until");
        return new RateRow(row.getString("prefix"), row.getString("destination"), row.getLong("rate_micros"),
                new BillingIncrement(row.getInt("first_increment"), row.getInt("next_increment")),
                row.getDate("effective_from").toLocalDate(), until == null ? null : until.toLocalDate());
    }

    private static RateDeck map(ResultSet row) throws SQLException {
        return new RateDeck(row.getLong("id"), row.getLong("carrier_id"), row.getString("source"),
                Columns.getInstant(row, "imported_at"), row.getLong("row_count"),
                Columns.getEnum(row, "status", RateDeck.Status.class));
    }
}
