package com.crosspoint.api.dto;

import com.crosspoint.model.InvalidValueException;
import com.crosspoint.model.Money;

/** Amounts of money as the API takes them: decimals in text ("12.50"), never binary floating point. */
public final class Amounts {
    private Amounts() {
    }

    /** Micro-units of {@code decimal}; null or empty is 0. A bad value is refused naming {@code field}. */
    public static long micros(String decimal, String currency, String field) {
        if (decimal == null || decimal.isBlank()) {
            return 0;
        }
        return money(decimal, currency, field).micros();
    }

    /** {@code decimal} as money; required. */
    public static Money money(String decimal, String currency, String field) {
        if (decimal == null || decimal.isBlank()) {
            throw new InvalidValueException(field, "is required, e.g. \"12.50\"");
        }
        try {
            return Money.parse(decimal, currency);
        } catch (InvalidValueException e) {
            throw new InvalidValueException(field, e.getMessage().substring(e.field().length() + 2));
        }
    }
}
