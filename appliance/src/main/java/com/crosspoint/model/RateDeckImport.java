package com.crosspoint.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Where an upload of a carrier's rate deck stands, for a progress bar: read, checked, stored, and how it ended.
 * A deck is imported whole or not at all, so a {@link State#REJECTED} import lists its bad rows and changed nothing.
 *
 * @param bytes      size of the uploaded file
 * @param bytesRead  of it, read so far (reading is the first half of the work, storing the second)
 * @param rowsRead   data rows read and checked so far
 * @param rowsStored rows of a good deck written to the database so far
 * @param errors     row-numbered problems ("row 17: rate 'abc' is not a number"), the first ones only
 * @param moreErrors bad rows found beyond those listed
 * @param deckId     the deck made active, once {@link State#DONE}
 * @param failure    why a {@link State#FAILED} import failed (not the rows' fault: the database, the file)
 */
public record RateDeckImport(long carrierId, String source, State state, long bytes, long bytesRead, long rowsRead,
                             long rowsStored, List<String> errors, long moreErrors, Instant startedAt,
                             Instant finishedAt, Long deckId, String failure) {
    /** The life of an import. */
    public enum State {
        QUEUED, READING, STORING, DONE, REJECTED, FAILED;

        public boolean finished() {
            return this == DONE || this == REJECTED || this == FAILED;
        }
    }

    public RateDeckImport {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(startedAt, "startedAt");
        errors = List.copyOf(errors);
    }

    /** 0-100: reading counts for the first half (by bytes), storing for the second (by rows); 100 only when done. */
    public int percent() {
        return switch (state) {
            case QUEUED -> 0;
            case READING, REJECTED, FAILED -> bytes == 0 ? 0 : (int) Math.min(50, bytesRead * 50 / bytes);
            case STORING -> 50 + (rowsRead == 0 ? 0 : (int) Math.min(49, rowsStored * 50 / rowsRead));
            case DONE -> 100;
        };
    }

    public RateDeckImport reading(long newBytesRead, long newRowsRead) {
        return new RateDeckImport(carrierId, source, State.READING, bytes, newBytesRead, newRowsRead, rowsStored,
                errors, moreErrors, startedAt, null, null, null);
    }

    public RateDeckImport storing(long newRowsStored) {
        return new RateDeckImport(carrierId, source, State.STORING, bytes, bytes, rowsRead, newRowsStored, errors,
                moreErrors, startedAt, null, null, null);
    }

    public RateDeckImport done(long deck, long rows, Instant at) {
        return new RateDeckImport(carrierId, source, State.DONE, bytes, bytes, rows, rows, List.of(), 0, startedAt,
                at, deck, null);
    }

    public RateDeckImport rejected(long rows, List<String> rowErrors, long more, Instant at) {
        return new RateDeckImport(carrierId, source, State.REJECTED, bytes, bytesRead, rows, 0, rowErrors, more,
                startedAt, at, null, null);
    }

    public RateDeckImport failed(String why, Instant at) {
        return new RateDeckImport(carrierId, source, State.FAILED, bytes, bytesRead, rowsRead, rowsStored, errors,
                moreErrors, startedAt, at, null, why);
    }
}
