package com.crosspoint.api.dto;

import com.crosspoint.model.InvalidValueException;
import com.crosspoint.model.Money;
import com.crosspoint.model.RetailRate;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * One retail rate, in requests and answers: amounts are decimals of the plan's currency per minute (price) or per
 * call (fee, minimum); {@code increment} is "first/next" in seconds ("60/60", "30/6", "1/1"); dates are days in the
 * plan's time zone, {@code effectiveUntil} exclusive and null for open-ended.
 */
public record RetailRateDto(Long id, String prefix, String description, String pricePerMinute, String connectionFee,
                            String minimumCharge, String increment, String effectiveFrom, String effectiveUntil) {

    public static RetailRateDto of(RetailRate r, String currency) {
        return new RetailRateDto(r.id(), r.prefix(), r.description(),
                new Money(r.pricePerMinuteMicros(), currency).toDecimal(),
                new Money(r.connectionFeeMicros(), currency).toDecimal(),
                new Money(r.minimumChargeMicros(), currency).toDecimal(), r.firstIncrement() + "/" + r.nextIncrement(),
                r.effectiveFrom().toString(), r.effectiveUntil() == null ? null : r.effectiveUntil().toString());
    }

    /** The rate for plan {@code planId}; {@code field} prefixes the names of refused values ("rates[2]"). */
    public RetailRate toModel(long planId, String currency, String field) {
        String inc = increment == null ? "60/60" : increment;
        String[] parts = inc.split("/", -1);
        if (parts.length != 2 || !parts[0].matches("[0-9]{1,5}") || !parts[1].matches("[0-9]{1,5}")) {
            throw new InvalidValueException(field + ".increment", "must be first/next seconds such as 60/60: \""
                    + inc + "\"");
        }
        try {
            return new RetailRate(0, planId, prefix, description == null ? "" : description,
                    Amounts.money(pricePerMinute, currency, field + ".pricePerMinute").micros(),
                    Amounts.micros(connectionFee, currency, field + ".connectionFee"),
                    Amounts.micros(minimumCharge, currency, field + ".minimumCharge"),
                    Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), day(effectiveFrom, field + ".effectiveFrom"),
                    effectiveUntil == null || effectiveUntil.isBlank() ? null
                            : day(effectiveUntil, field + ".effectiveUntil"));
        } catch (InvalidValueException e) {
            if (e.field().startsWith(field)) {
                throw e;
            }
            throw new InvalidValueException(field + "." + e.field(), e.getMessage().substring(e.field().length() + 2));
        }
    }

    private static LocalDate day(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException(field, "is required, a day such as 2026-03-01");
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(field, "is not a day such as 2026-03-01: \"" + text + "\"");
        }
    }
}
