package com.crosspoint.acr.rate;

/** Told how far a deck import has come, for a progress bar. Called on the importing thread. */
public interface ImportProgress {
    /** Nothing is told. */
    ImportProgress NONE = new ImportProgress() {
    };

    /** Data rows read and checked so far (the header not counted). */
    default void rowsRead(long rows) {
    }

    /** Rows of a good deck written to the database so far. */
    default void rowsStored(long rows) {
    }
}
