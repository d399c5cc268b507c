package com.crosspoint.model;

import java.time.Instant;
import java.util.Objects;

/**
 * Money held for one outside call from its authorisation to its end: committed before the call may proceed, so
 * that after a crash it is found again and settled from the call's CDR (or released when there is none).
 *
 * @param callId         the call's id (its CDR's {@code callId}); one reservation per call
 * @param userId         the calling user, or null for a call no user placed
 * @param destination    the E.164 number called, without '+'
 * @param ratePrefix     the prefix of the retail rate the allowance was computed at
 * @param grantedSeconds the most seconds of talk the reservation pays for
 * @param amountMicros   what those seconds cost, held from the account's funds
 * @param carrierId      the carrier that carried the call, once known (the buy side of its rating)
 */
public record Reservation(long id, String callId, long tenantId, Long userId, String destination, String ratePrefix,
                          long grantedSeconds, long amountMicros, String currency, Instant createdAt, State state,
                          Long carrierId) {
    public static final int MAX_CALL_ID_LENGTH = 255;

    /** Where a reservation is in its life; only OPEN ones hold money. */
    public enum State { OPEN, SETTLED, RELEASED }

    public Reservation {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(ratePrefix, "ratePrefix");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(state, "state");
        Money.checkCurrency(currency, "currency");
        if (callId.isEmpty() || callId.length() > MAX_CALL_ID_LENGTH) {
            throw new InvalidValueException("callId", "must be 1-" + MAX_CALL_ID_LENGTH + " characters");
        }
        if (grantedSeconds < 0 || amountMicros < 0) {
            throw new IllegalArgumentException("negative reservation: " + grantedSeconds + " s, " + amountMicros);
        }
    }

    public Reservation withId(long newId) {
        return new Reservation(newId, callId, tenantId, userId, destination, ratePrefix, grantedSeconds, amountMicros,
                currency, createdAt, state, carrierId);
    }

    public Money amount() {
        return new Money(amountMicros, currency);
    }
}
