package com.crosspoint.acr.rate;

import java.io.IOException;
import java.io.Reader;
import java.util.Optional;

/**
 * A deck read from CSV and checked: its table when every row was good, otherwise its errors. Reading streams: the
 * file is never held as a whole, only its rows' values, in the builder's columns.
 */
public final class ParsedDeck {
    /** Progress is told every this many rows. */
    static final int PROGRESS_EVERY = 10_000;
    private static final int MAX_FIELD_LENGTH = 256;
    private static final int MAX_FIELDS = 32;

    private final DeckErrors errors;
    private final PrefixRateTable table;
    private final long rows;

    private ParsedDeck(DeckErrors errors, PrefixRateTable table, long rows) {
        this.errors = errors;
        this.table = table;
        this.rows = rows;
    }

    /**
     * Reads and checks a whole deck.
     *
     * @param maxRows   more data rows than this is an error (and reading stops)
     * @param errorCap  bad rows reported by message; the rest are counted
     */
    public static ParsedDeck read(Reader csv, int maxRows, int errorCap, ImportProgress progress) throws IOException {
        DeckErrors errors = new DeckErrors(errorCap);
        CsvReader reader = new CsvReader(csv, MAX_FIELD_LENGTH, MAX_FIELDS);
        if (!reader.next()) {
            errors.add(1, "the file is empty; the first row must name the columns");
            return new ParsedDeck(errors, null, 0);
        }
        RateDeckFormat format;
        try {
            format = RateDeckFormat.ofHeader(reader);
        } catch (IllegalArgumentException e) {
            errors.add(1, e.getMessage());
            return new ParsedDeck(errors, null, 0);
        }
        PrefixRateTableBuilder builder = new PrefixRateTableBuilder();
        long rows = 0;
        while (reader.next()) {
            if (reader.problem() == null && reader.size() == 1 && reader.field(0).isBlank()) {
                continue; // an empty line
            }
            if (++rows > maxRows) {
                errors.add(reader.record(), "the deck has more than " + maxRows + " rows");
                break;
            }
            if (rows % PROGRESS_EVERY == 0) {
                progress.rowsRead(rows);
            }
            if (reader.problem() != null) {
                errors.add(reader.record(), reader.problem());
                continue;
            }
            try {
                builder.add(Math.toIntExact(reader.record()), format.rate(reader));
            } catch (IllegalArgumentException e) {
                errors.add(reader.record(), e.getMessage());
            }
        }
        progress.rowsRead(rows);
        if (rows == 0 && errors.isEmpty()) {
            errors.add(2, "the deck has no rows");
        }
        PrefixRateTable table = errors.isEmpty() ? builder.build(errors).orElse(null) : null;
        return new ParsedDeck(errors, table, rows);
    }

    /** The table of a deck without errors. */
    public Optional<PrefixRateTable> table() {
        return Optional.ofNullable(table);
    }

    public DeckErrors errors() {
        return errors;
    }

    /** Data rows read. */
    public long rows() {
        return rows;
    }
}
