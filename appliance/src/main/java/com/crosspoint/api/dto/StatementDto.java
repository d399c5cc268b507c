package com.crosspoint.api.dto;

import com.crosspoint.billing.statement.Statement;
import com.crosspoint.billing.statement.StatementLine;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A monthly statement as JSON: amounts are decimals of {@code currency}; {@code totals} by kind (call, rerate,
 * top_up, adjustment); every line with the balance after it.
 */
public record StatementDto(long tenantId, String tenantName, String month, String timeZone, String currency,
                           Instant from, Instant to, String opening, Map<String, String> totals, String closing,
                           long calls, List<Line> lines) {

    public record Line(Instant at, String kind, String description, String user, String number, Instant callStart,
                       long seconds, String amount, String balance) {
    }

    public static StatementDto of(Statement s) {
        Map<String, String> totals = new LinkedHashMap<>();
        for (StatementLine.Kind kind : StatementLine.Kind.values()) {
            totals.put(kind.name().toLowerCase(Locale.ROOT), s.total(kind).toDecimal());
        }
        return new StatementDto(s.tenantId(), s.tenantName(), s.month().toString(), s.zone().getId(), s.currency(),
                s.from(), s.to(), s.opening().toDecimal(), totals, s.closing().toDecimal(), s.calls(),
                s.lines().stream().map(l -> new Line(l.at(), l.kind().name(), l.description(), l.user(), l.number(),
                        l.callStart(), l.seconds(), l.amount().toDecimal(), l.balance().toDecimal())).toList());
    }
}
