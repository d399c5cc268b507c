package com.crosspoint.store.derby;

/** One page of an ordered result: rows {@code offset} to {@code offset + limit - 1}. */
record Page(int offset, int limit) {
    Page {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative: " + offset + ", " + limit);
        }
    }

    /** Derby rejects FETCH NEXT 0 ROWS, so an empty page is answered without a query. */
    boolean isEmpty() {
        return limit == 0;
    }

    /**
     * Appended after ORDER BY, with {@link #offset} and {@link #limit} as its parameters; parameters
     * rather than literals keep one cached plan for every page.
     */
    static String sql() {
        return " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY";
    }
}
