package com.crosspoint.api;

import com.crosspoint.model.CallQualitySummary;
import com.crosspoint.model.CallRecord;
import com.crosspoint.model.Money;
import com.crosspoint.model.RatedCall;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Call records as CSV (RFC 4180: CRLF line ends, cells with a comma, quote, CR or LF quoted, quotes
 * doubled). A cell that starts with {@code = + - @}, TAB or CR gets a leading {@code '} so a
 * spreadsheet shows it as text instead of running it as a formula (CSV injection).
 */
final class CdrCsv {
    static final String HEADER = "id,callId,caller,callee,startedAt,answeredAt,endedAt,disposition,hungUpBy,"
            + "sipCause,durationSeconds,mos,lossPercent,jitterMillis,rttMillis,endReason,billedSeconds,price,cost,"
            + "margin,currency";
    private static final String CRLF = "\r\n";

    private CdrCsv() {
    }

    static byte[] write(List<CallRecord> records) {
        return write(records, Map.of());
    }

    /** @param ratings the rated calls among {@code records}, by CDR id: their cost, price and margin fill a row */
    static byte[] write(List<CallRecord> records, Map<Long, RatedCall> ratings) {
        StringBuilder sb = new StringBuilder(HEADER.length() + 2 + records.size() * 160);
        sb.append(HEADER).append(CRLF);
        for (CallRecord r : records) {
            CallQualitySummary q = r.quality();
            RatedCall rated = ratings.get(r.id());
            row(sb, Long.toString(r.id()), r.callId(), r.caller(), r.callee(), instant(r.startedAt()),
                    instant(r.answeredAt()), instant(r.endedAt()), r.disposition() == null ? null : r.disposition().name(),
                    r.hungUpBy() == null ? null : r.hungUpBy().name(), Integer.toString(r.sipCause()),
                    Long.toString(r.duration().toSeconds()), q == null ? null : number(q.mos()),
                    q == null ? null : number(q.lossPercent()), q == null ? null : number(q.jitterMillis()),
                    q == null || q.rttMillis() == null ? null : number(q.rttMillis()),
                    r.endReason() == null ? null : r.endReason().text(),
                    rated == null ? null : Long.toString(rated.billedSeconds()),
                    rated == null ? null : money(rated.price()), rated == null ? null : money(rated.cost()),
                    rated == null ? null : money(rated.margin()), rated == null ? null : rated.price().currency());
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One CSV line of defused cells. */
    static void row(StringBuilder sb, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(cell(cells[i]));
        }
        sb.append(CRLF);
    }

    /** Plain decimal notation (never 1.0E-4), as a spreadsheet reads it. */
    static String number(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static String money(Money m) {
        return m == null ? null : m.toDecimal();
    }

    private static String instant(Instant i) {
        return i == null ? null : i.toString();
    }

    /** One cell, defused and quoted as needed; null is the empty cell. */
    static String cell(String value) {
        return com.crosspoint.text.CsvCells.text(value);
    }
}
