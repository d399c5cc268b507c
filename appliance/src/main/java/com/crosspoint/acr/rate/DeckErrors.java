package com.crosspoint.acr.rate;

import java.util.ArrayList;
import java.util.List;

/**
 * The bad rows of a deck, row-numbered ("row 17: rate 'abc' is not a number"). Keeps the first {@code cap}
 * messages and counts the rest, so that a file of a million bad rows costs no more memory than one of a hundred.
 */
public final class DeckErrors {
    public static final int DEFAULT_CAP = 100;

    private final int cap;
    private final List<String> reported = new ArrayList<>();
    private long unreported;

    public DeckErrors(int cap) {
        if (cap < 1) {
            throw new IllegalArgumentException("cap must be positive: " + cap);
        }
        this.cap = cap;
    }

    /** Row 1 is the header, as a spreadsheet numbers rows. */
    public void add(long row, String problem) {
        if (reported.size() < cap) {
            reported.add("row " + row + ": " + problem);
        } else {
            unreported++;
        }
    }

    public boolean isEmpty() {
        return reported.isEmpty();
    }

    /** The first messages, in the order found. */
    public List<String> reported() {
        return List.copyOf(reported);
    }

    /** Bad rows found beyond the cap. */
    public long unreported() {
        return unreported;
    }

    public long count() {
        return reported.size() + unreported;
    }
}
