package com.crosspoint.acr.rate;

import com.crosspoint.model.RateRow;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dates each carrier's live deck covers, for the deck's summary: worked out once when a table goes live (a pass
 * over its rows), then the table is handed on to the router.
 */
public final class DeckSpans implements LiveRateTables {
    /**
     * @param effectiveFrom  the earliest day a row of the deck applies
     * @param effectiveUntil the day after the last one (exclusive), null when a row is open-ended
     */
    public record Span(int rows, int prefixes, LocalDate effectiveFrom, LocalDate effectiveUntil) {
    }

    private final LiveRateTables router;
    private final Map<Long, Span> spans = new ConcurrentHashMap<>();

    public DeckSpans(LiveRateTables router) {
        this.router = router;
    }

    @Override
    public void replace(long carrierId, PrefixRateTable table) {
        spans.put(carrierId, spanOf(table));
        router.replace(carrierId, table);
    }

    /** Records the spans of tables the router got another way (at start). */
    public void know(Map<Long, PrefixRateTable> tables) {
        tables.forEach((carrierId, table) -> spans.put(carrierId, spanOf(table)));
    }

    public Optional<Span> of(long carrierId) {
        return Optional.ofNullable(spans.get(carrierId));
    }

    public void forget(long carrierId) {
        spans.remove(carrierId);
    }

    static Span spanOf(PrefixRateTable table) {
        LocalDate[] from = {null};
        LocalDate[] until = {null};
        boolean[] openEnded = {false};
        table.forEachRow((RateRow row) -> {
            if (from[0] == null || row.effectiveFrom().isBefore(from[0])) {
                from[0] = row.effectiveFrom();
            }
            if (row.effectiveUntil() == null) {
                openEnded[0] = true;
            } else if (until[0] == null || row.effectiveUntil().isAfter(until[0])) {
                until[0] = row.effectiveUntil();
            }
        });
        return new Span(table.rowCount(), table.prefixCount(), from[0], openEnded[0] ? null : until[0]);
    }
}
