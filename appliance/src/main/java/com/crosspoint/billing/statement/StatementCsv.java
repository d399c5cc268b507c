package com.crosspoint.billing.statement;

import com.crosspoint.text.CsvCells;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * A {@link Statement} as CSV (RFC 4180, UTF-8, CRLF): a summary block, then one row per line with the running
 * balance. Amounts are plain decimals in the account's currency, times ISO 8601 in the plan's zone, so a spreadsheet
 * reads them as they are.
 */
public final class StatementCsv {
    static final String LINES_HEADER = "booked,kind,description,user,number,callStart,seconds,amount,balance";
    private static final String CRLF = "\r\n";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private StatementCsv() {
    }

    public static byte[] write(Statement s) {
        StringBuilder sb = new StringBuilder(256 + 96 * s.lines().size());
        row(sb, "statement", s.tenantName(), s.month().toString(), s.currency());
        row(sb, "opening", s.opening().toDecimal());
        for (StatementLine.Kind kind : StatementLine.Kind.values()) {
            row(sb, "total " + kind.name().toLowerCase(java.util.Locale.ROOT), s.total(kind).toDecimal());
        }
        row(sb, "closing", s.closing().toDecimal());
        sb.append(CRLF).append(LINES_HEADER).append(CRLF);
        for (StatementLine l : s.lines()) {
            row(sb, time(s, l.at()), l.kind().name(), l.description(), l.user(), l.number(),
                    l.callStart() == null ? "" : time(s, l.callStart()), l.callStart() == null ? "" : Long.toString(l.seconds()),
                    l.amount().toDecimal(), l.balance().toDecimal());
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String time(Statement s, Instant at) {
        return TIME.format(at.atZone(s.zone()).withNano(0));
    }

    /** Cells of text, except amounts: a debit's minus sign is a number's, not a formula's. */
    private static void row(StringBuilder sb, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            String c = cells[i];
            sb.append(c.matches("-?[0-9]+(\\.[0-9]+)?") ? c : CsvCells.text(c));
        }
        sb.append(CRLF);
    }
}
