package com.crosspoint.model;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount of one currency, in millionths of its unit: the same unit as the carriers' rate decks
 * ({@code RateRow.ratePerMinuteMicros}), so a deck rate becomes money without any conversion. Never a double.
 *
 * @param micros   millionths of the currency unit; negative for debits
 * @param currency an ISO 4217 code such as "EUR"
 */
public record Money(long micros, String currency) implements Comparable<Money> {
    public static final int DECIMALS = 6;
    /** 10^15 micro-units, a billion units: far beyond any balance, and products with seconds stay inside a long. */
    public static final long MAX_MICROS = 1_000_000_000_000_000L;

    public Money {
        checkCurrency(currency, "currency");
        if (micros > MAX_MICROS || micros < -MAX_MICROS) {
            throw new InvalidValueException("amount", "is out of range: " + micros + " micro-units");
        }
    }

    public static Money zero(String currency) {
        return new Money(0, currency);
    }

    /**
     * Reads a decimal such as "12.50" or "-0.0125" exactly.
     *
     * @throws InvalidValueException (field {@code amount}) for text that is not a decimal with at most 6 decimals
     */
    public static Money parse(String decimal, String currency) {
        Objects.requireNonNull(decimal, "decimal");
        BigDecimal value;
        try {
            value = new BigDecimal(decimal.strip());
        } catch (NumberFormatException e) {
            throw new InvalidValueException("amount", "is not a number: \"" + decimal + "\"");
        }
        if (value.stripTrailingZeros().scale() > DECIMALS) {
            throw new InvalidValueException("amount", "has more than " + DECIMALS + " decimals: " + decimal);
        }
        BigDecimal micros = value.movePointRight(DECIMALS);
        if (micros.abs().compareTo(BigDecimal.valueOf(MAX_MICROS)) > 0) {
            throw new InvalidValueException("amount", "is out of range: " + decimal);
        }
        return new Money(micros.longValueExact(), currency);
    }

    /**
     * Checks that {@code code} is an ISO 4217 currency the JDK knows.
     *
     * @throws InvalidValueException naming {@code field} otherwise
     */
    public static String checkCurrency(String code, String field) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            throw new InvalidValueException(field, "must be an ISO 4217 code such as EUR: \"" + code + "\"");
        }
        try {
            Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(field, "is not an ISO 4217 currency: " + code);
        }
        return code;
    }

    public Money plus(Money other) {
        return new Money(micros + sameCurrency(other).micros, currency);
    }

    public Money minus(Money other) {
        return new Money(micros - sameCurrency(other).micros, currency);
    }

    public Money negate() {
        return new Money(-micros, currency);
    }

    public boolean isNegative() {
        return micros < 0;
    }

    public boolean isZero() {
        return micros == 0;
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(micros, sameCurrency(other).micros);
    }

    /** The amount as the shortest exact decimal: "12.5", "-0.0125", "3". */
    public String toDecimal() {
        return BigDecimal.valueOf(micros, DECIMALS).stripTrailingZeros().toPlainString();
    }

    @Override
    public String toString() {
        return toDecimal() + " " + currency;
    }

    private Money sameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot combine " + this + " and " + other);
        }
        return other;
    }
}
