package com.crosspoint.billing.statement;

import com.crosspoint.model.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * One movement of money on a {@link Statement}: a call's charge (with what was called, by whom and for how long), a
 * re-rating correction, a top-up or an adjustment (with who made it and why).
 *
 * @param at          when it was booked
 * @param description for a call its destination's name or number; otherwise the reason given
 * @param user        the calling user's extension and name, or "" when it was no call or no user
 * @param number      the number called (E.164 with '+'), or "" when it was no call
 * @param callStart   when the call started, null when it was no call
 * @param seconds     the seconds billed, 0 when it was no call
 * @param amount      positive adds to the balance, negative takes from it
 * @param balance     the balance after this line
 */
public record StatementLine(Instant at, Kind kind, String description, String user, String number, Instant callStart,
                            long seconds, Money amount, Money balance) {
    /** What a line is. */
    public enum Kind {
        CALL, RERATE, TOP_UP, ADJUSTMENT
    }

    public StatementLine {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(balance, "balance");
    }
}
