package com.crosspoint.model;

import static com.crosspoint.model.InvalidValueException.require;

import java.time.ZoneId;

/**
 * A tenant's retail price list: its rates ({@link RetailRate}) are in {@code currency}, and their effective dates
 * are days in {@code timeZone}, so a new price "from 1 March" starts at midnight where the customer is.
 */
public record RatePlan(long id, long tenantId, String name, String currency, ZoneId timeZone) {
    public static final int MAX_NAME_LENGTH = 64;

    public RatePlan {
        require(name != null && !name.isBlank() && name.length() <= MAX_NAME_LENGTH, "name",
                "must be 1-" + MAX_NAME_LENGTH + " characters: \"" + name + "\"");
        Money.checkCurrency(currency, "currency");
        require(timeZone != null, "timeZone", "is required");
    }

    public RatePlan withId(long newId) {
        return new RatePlan(newId, tenantId, name, currency, timeZone);
    }
}
