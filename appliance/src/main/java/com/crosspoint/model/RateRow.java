package com.crosspoint.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One row of a carrier's rate deck: the price per minute of calls to numbers starting with {@code prefix},
 * from {@code effectiveFrom} (inclusive) until {@code effectiveUntil} (exclusive; null for open-ended).
 *
 * @param prefix              1-15 digits of an E.164 number, without '+'
 * @param destination         the carrier's name for the destination ("United Kingdom - Mobile"); may be ""
 * @param ratePerMinuteMicros price per minute in millionths of the deck's currency unit: money is never a double
 */
public record RateRow(String prefix, String destination, long ratePerMinuteMicros, BillingIncrement increment,
                      LocalDate effectiveFrom, LocalDate effectiveUntil) {
    public static final int MAX_PREFIX_DIGITS = 15;
    public static final int MAX_DESTINATION_LENGTH = 128;

    public RateRow {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(increment, "increment");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        if (prefix.isEmpty() || prefix.length() > MAX_PREFIX_DIGITS || !prefix.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("prefix must be 1-" + MAX_PREFIX_DIGITS + " digits: \"" + prefix + "\"");
        }
        if (destination.length() > MAX_DESTINATION_LENGTH) {
            throw new IllegalArgumentException("destination longer than " + MAX_DESTINATION_LENGTH + " characters");
        }
        if (ratePerMinuteMicros < 0) {
            throw new IllegalArgumentException("rate must not be negative: " + ratePerMinuteMicros);
        }
        if (effectiveUntil != null && !effectiveUntil.isAfter(effectiveFrom)) {
            throw new IllegalArgumentException("effectiveUntil " + effectiveUntil + " is not after effectiveFrom "
                    + effectiveFrom);
        }
    }

    /** Whether the row applies to calls on {@code date}. */
    public boolean effectiveOn(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveUntil == null || date.isBefore(effectiveUntil));
    }
}
