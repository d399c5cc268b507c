package com.crosspoint.api.dto;

import com.crosspoint.model.Money;
import com.crosspoint.model.SpendLimits;
import java.util.List;

/**
 * Fraud limits of an account or a user, amounts as decimals of the account's currency; 0 (or left out) is no limit.
 *
 * @param blockedPatterns E.164 digits with X for any digit, matched against the start of the number
 */
public record SpendLimitsDto(Integer maxConcurrentCalls, String maxSpendPerHour, String maxSpendPerDay,
                             List<String> blockedPatterns) {

    public static SpendLimitsDto of(SpendLimits l, String currency) {
        return new SpendLimitsDto(l.maxConcurrentCalls(), new Money(l.maxSpendPerHourMicros(), currency).toDecimal(),
                new Money(l.maxSpendPerDayMicros(), currency).toDecimal(), l.blockedPatterns());
    }

    /** The limits as the engine takes them; a missing body is no limits. */
    public static SpendLimits toModel(SpendLimitsDto d, String currency) {
        if (d == null) {
            return SpendLimits.NONE;
        }
        return new SpendLimits(d.maxConcurrentCalls() == null ? 0 : d.maxConcurrentCalls(),
                Amounts.micros(d.maxSpendPerHour(), currency, "limits.maxSpendPerHour"),
                Amounts.micros(d.maxSpendPerDay(), currency, "limits.maxSpendPerDay"),
                d.blockedPatterns() == null ? List.of() : d.blockedPatterns());
    }
}
