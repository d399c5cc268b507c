package com.crosspoint.model;

import static com.crosspoint.model.InvalidValueException.require;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a customer pays for calls to numbers starting with {@code prefix} (the sell side of billing), from
 * {@code effectiveFrom} (inclusive) until {@code effectiveUntil} (exclusive, null for open-ended). Dates are days in
 * the plan's time zone. Amounts are millionths of the plan's currency; the charge of a call is
 * {@code max(minimumCharge, connectionFee + pricePerMinute x billed seconds / 60)}, billed seconds in increments of
 * {@code firstIncrement}, then {@code nextIncrement} ("60/60", "30/6", "1/1").
 *
 * @param description the destination's name for statements ("United Kingdom - Mobile"); may be ""
 */
public record RetailRate(long id, long planId, String prefix, String description, long pricePerMinuteMicros,
                         long connectionFeeMicros, long minimumChargeMicros, int firstIncrement, int nextIncrement,
                         LocalDate effectiveFrom, LocalDate effectiveUntil) {
    /** A million units a minute: far above any real price, and small enough for exact long arithmetic. */
    public static final long MAX_PRICE_MICROS = 1_000_000L * 1_000_000L;

    public RetailRate {
        require(prefix != null && !prefix.isEmpty() && prefix.length() <= RateRow.MAX_PREFIX_DIGITS
                && prefix.chars().allMatch(c -> c >= '0' && c <= '9'), "prefix",
                "must be 1-" + RateRow.MAX_PREFIX_DIGITS + " digits: \"" + prefix + "\"");
        require(description != null && description.length() <= RateRow.MAX_DESTINATION_LENGTH, "description",
                "must be at most " + RateRow.MAX_DESTINATION_LENGTH + " characters");
        checkAmount(pricePerMinuteMicros, "pricePerMinute");
        checkAmount(connectionFeeMicros, "connectionFee");
        checkAmount(minimumChargeMicros, "minimumCharge");
        checkIncrement(firstIncrement, "firstIncrement");
        checkIncrement(nextIncrement, "nextIncrement");
        require(effectiveFrom != null, "effectiveFrom", "is required");
        require(effectiveUntil == null || effectiveUntil.isAfter(effectiveFrom), "effectiveUntil",
                effectiveUntil + " is not after effectiveFrom " + effectiveFrom);
    }

    public RetailRate withId(long newId, long newPlanId) {
        return new RetailRate(newId, newPlanId, prefix, description, pricePerMinuteMicros, connectionFeeMicros,
                minimumChargeMicros, firstIncrement, nextIncrement, effectiveFrom, effectiveUntil);
    }

    public BillingIncrement increment() {
        return new BillingIncrement(firstIncrement, nextIncrement);
    }

    /** Whether the rate applies to calls starting on {@code day}. */
    public boolean effectiveOn(LocalDate day) {
        return !day.isBefore(effectiveFrom) && (effectiveUntil == null || day.isBefore(effectiveUntil));
    }

    /** Whether both rates are for the same prefix and share at least one day. */
    public boolean overlaps(RetailRate other) {
        Objects.requireNonNull(other, "other");
        return prefix.equals(other.prefix)
                && (other.effectiveUntil == null || effectiveFrom.isBefore(other.effectiveUntil))
                && (effectiveUntil == null || other.effectiveFrom.isBefore(effectiveUntil));
    }

    /**
     * Refuses a set of rates in which two periods of one prefix share a day.
     *
     * @throws InvalidValueException (field {@code effectiveFrom}) naming the prefix and both periods
     */
    public static void checkNoOverlap(Collection<RetailRate> rates) {
        Map<String, List<RetailRate>> byPrefix = new HashMap<>();
        for (RetailRate rate : rates) {
            List<RetailRate> periods = byPrefix.computeIfAbsent(rate.prefix, p -> new ArrayList<>());
            for (RetailRate other : periods) {
                if (rate.overlaps(other)) {
                    throw new InvalidValueException("effectiveFrom", "prefix " + rate.prefix + ": " + rate.period()
                            + " overlaps " + other.period());
                }
            }
            periods.add(rate);
        }
    }

    /** "2026-03-01..2026-04-01" or "2026-03-01..": for messages. */
    public String period() {
        return effectiveFrom + ".." + (effectiveUntil == null ? "" : effectiveUntil);
    }

    private static void checkAmount(long micros, String field) {
        require(micros >= 0, field, "must not be negative: " + micros);
        require(micros <= MAX_PRICE_MICROS, field, "is too large: " + micros);
    }

    private static void checkIncrement(int seconds, String field) {
        require(seconds >= 1 && seconds <= BillingIncrement.MAX_SECONDS, field,
                "must be 1-" + BillingIncrement.MAX_SECONDS + " seconds: " + seconds);
    }
}
