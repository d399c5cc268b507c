package com.crosspoint.acr.rate;

/** Where the router keeps the decks it routes on; a replacement takes effect whole, for the next call. */
public interface LiveRateTables {
    void replace(long carrierId, PrefixRateTable table);
}
