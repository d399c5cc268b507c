package com.crosspoint.billing.rating;

import com.crosspoint.acr.rate.LiveRateTables;
import com.crosspoint.acr.rate.PrefixRateTable;
import com.crosspoint.acr.rate.RateMatch;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The carriers' decks as the router holds them ({@link PrefixRateTable}, one per carrier), kept for rating. It is a
 * {@link LiveRateTables}, so the deck importer can feed it beside the router: a corrected deck is what a re-rating
 * then costs calls at.
 */
public final class CarrierDecks implements CarrierRates, LiveRateTables {
    private final Map<Long, PrefixRateTable> tables = new ConcurrentHashMap<>();

    @Override
    public void replace(long carrierId, PrefixRateTable table) {
        tables.put(carrierId, table);
    }

    /** Sets every carrier's deck at once (at start, from {@code RateDeckLoader.load()}). */
    public void replaceAll(Map<Long, PrefixRateTable> all) {
        tables.keySet().retainAll(all.keySet());
        tables.putAll(all);
    }

    @Override
    public Optional<RateMatch> rate(long carrierId, String number, LocalDate day) {
        PrefixRateTable table = tables.get(carrierId);
        return table == null ? Optional.empty() : table.match(number, day);
    }
}
