package com.crosspoint.billing.statement;

import com.crosspoint.model.Money;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * A tenant's account over one calendar month (in its plan's time zone): what it held at the start, every movement of
 * money in the month in order, and what it held at the end. Built from the ledger, so it reconciles by construction:
 * {@code opening + sum(lines) = closing}. A call is on the statement of the month its charge was booked (rating runs
 * within a second of the call's end), with its details from its rating.
 *
 * @param from    the month's first instant (inclusive)
 * @param to      the next month's first instant (exclusive)
 * @param opening the balance at {@code from}
 * @param closing the balance at {@code to}, or now for the running month
 */
public record Statement(long tenantId, String tenantName, YearMonth month, ZoneId zone, String currency, Instant from,
                        Instant to, Money opening, List<StatementLine> lines, Money closing) {
    public Statement {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(opening, "opening");
        Objects.requireNonNull(closing, "closing");
        lines = List.copyOf(lines);
    }

    /** The sum of the lines of {@code kind}, in the account's currency. */
    public Money total(StatementLine.Kind kind) {
        Money sum = Money.zero(currency);
        for (StatementLine line : lines) {
            if (line.kind() == kind) {
                sum = sum.plus(line.amount());
            }
        }
        return sum;
    }

    /** The calls charged in the month. */
    public long calls() {
        return lines.stream().filter(l -> l.kind() == StatementLine.Kind.CALL).count();
    }
}
