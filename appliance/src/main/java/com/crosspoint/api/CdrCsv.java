package com.crosspoint.api;

import com.crosspoint.model.CallQualitySummary;
import com.crosspoint.model.CallRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Call records as CSV (RFC 4180: CRLF line ends, cells with a comma, quote, CR or LF quoted, quotes
 * doubled). A cell that starts with {@code = + - @}, TAB or CR gets a leading {@code '} so a
 * spreadsheet shows it as text instead of running it as a formula (CSV injection).
 */
final class CdrCsv {
    static final String HEADER = "id,callId,caller,callee,startedAt,answeredAt,endedAt,disposition,hungUpBy,"
            + "sipCause,durationSeconds,mos,lossPercent,jitterMillis,rttMillis";
    private static final String CRLF = "\r\n";

    private CdrCsv() {
    }

    static byte[] write(List<CallRecord> records) {
        StringBuilder sb = new StringBuilder(HEADER.length() + 2 + records.size() * 160);
        sb.append(HEADER).append(CRLF);
        for (CallRecord r : records) {
            CallQualitySummary q = r.quality();
            row(sb, Long.toString(r.id()), r.callId(), r.caller(), r.callee(), instant(r.startedAt()),
                    instant(r.answeredAt()), instant(r.endedAt()), r.disposition() == null ? null : r.disposition().name(),
                    r.hungUpBy() == null ? null : r.hungUpBy().name(), Integer.toString(r.sipCause()),
                    Long.toString(r.duration().toSeconds()), q == null ? null : number(q.mos()),
                    q == null ? null : number(q.lossPercent()), q == null ? null : number(q.jitterMillis()),
                    q == null || q.rttMillis() == null ? null : number(q.rttMillis()));
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

    private static String instant(Instant i) {
        return i == null ? null : i.toString();
    }

    /** One cell, defused and quoted as needed; null is the empty cell. */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String v = value;
        char first = v.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\r') >= 0 || v.indexOf('\n') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
