package com.crosspoint.model;

import static com.crosspoint.model.InvalidValueException.require;

import java.util.List;

/**
 * Limits against toll fraud, for a tenant or one user; 0 means no limit. Spend is in the account's currency.
 *
 * @param blockedPatterns destinations refused outright: E.164 digits where X stands for any digit, matched against
 *                        the start of the number ("881" blocks every satellite number, "1900XXXXXXX" one plan)
 */
public record SpendLimits(int maxConcurrentCalls, long maxSpendPerHourMicros, long maxSpendPerDayMicros,
                          List<String> blockedPatterns) {
    public static final SpendLimits NONE = new SpendLimits(0, 0, 0, List.of());
    public static final int MAX_PATTERNS = 100;

    public SpendLimits {
        require(maxConcurrentCalls >= 0, "maxConcurrentCalls", "must not be negative (0 = no limit)");
        require(maxSpendPerHourMicros >= 0 && maxSpendPerHourMicros <= Money.MAX_MICROS, "maxSpendPerHour",
                "must be 0 (no limit) or a positive amount");
        require(maxSpendPerDayMicros >= 0 && maxSpendPerDayMicros <= Money.MAX_MICROS, "maxSpendPerDay",
                "must be 0 (no limit) or a positive amount");
        require(blockedPatterns != null && blockedPatterns.size() <= MAX_PATTERNS, "blockedPatterns",
                "at most " + MAX_PATTERNS + " patterns");
        blockedPatterns = List.copyOf(blockedPatterns);
        for (String pattern : blockedPatterns) {
            require(pattern.matches("[0-9X]{1,15}"), "blockedPatterns",
                    "a pattern is 1-15 of the digits and X: \"" + pattern + "\"");
        }
    }
}
