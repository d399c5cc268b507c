package com.crosspoint.model;

import static com.crosspoint.model.InvalidValueException.require;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of a tenant's append-only ledger: the balance is the sum of these, and no line is ever changed or
 * removed; a correction is a new line.
 *
 * @param amountMicros positive adds to the balance (a top-up), negative takes from it (a call's charge)
 * @param actor        who made the change: an admin's name, or "rating" for the engine
 * @param reason       why, in the actor's words (a receipt number, "credit for outage 12 March")
 * @param userId       the user whose call it was, for charges; else null
 * @param cdrId        the call's CDR, for charges and re-ratings; else null
 */
public record LedgerEntry(long id, long tenantId, Instant at, Kind kind, long amountMicros, String currency,
                          String actor, String reason, Long userId, Long cdrId) {
    public static final int MAX_TEXT_LENGTH = 255;

    /** What a line records. */
    public enum Kind {
        /** Money paid in. */
        TOP_UP,
        /** A manual correction (credit or debit) by an admin. */
        ADJUSTMENT,
        /** A rated call's price. */
        CHARGE,
        /** The difference after a call was rated again. */
        RERATE
    }

    public LedgerEntry {
        Objects.requireNonNull(at, "at");
        require(kind != null, "kind", "is required");
        Money.checkCurrency(currency, "currency");
        require(actor != null && !actor.isBlank() && actor.length() <= MAX_TEXT_LENGTH, "actor",
                "must be 1-" + MAX_TEXT_LENGTH + " characters");
        require(reason != null && !reason.isBlank() && reason.length() <= MAX_TEXT_LENGTH, "reason",
                "must be 1-" + MAX_TEXT_LENGTH + " characters");
        require(Math.abs(amountMicros) <= Money.MAX_MICROS, "amount", "is out of range");
        require(kind != Kind.TOP_UP || amountMicros > 0, "amount", "a top-up must be positive");
        require(kind != Kind.ADJUSTMENT || amountMicros != 0, "amount", "an adjustment must not be zero");
        require((kind == Kind.CHARGE || kind == Kind.RERATE) == (cdrId != null), "cdrId",
                "charges and re-ratings name their CDR, nothing else does");
    }

    public LedgerEntry withId(long newId) {
        return new LedgerEntry(newId, tenantId, at, kind, amountMicros, currency, actor, reason, userId, cdrId);
    }

    public Money amount() {
        return new Money(amountMicros, currency);
    }
}
