package com.crosspoint.acr.rate;

import com.crosspoint.model.BillingIncrement;
import com.crosspoint.model.RateRow;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The rate deck CSV format (docs/architecture.md, "Adaptive Call Router"): a header row naming the columns, in any
 * order and any letter case, then one rate per row.
 *
 * <pre>
 * prefix,destination,rate,increment,effective_from,effective_until
 * 44,United Kingdom,0.0125,60/60,2026-01-01,
 * 4420,"London, fixed",0.008,1/1,2026-01-01,2026-07-01
 * </pre>
 *
 * {@code prefix} (digits, an optional leading '+'), {@code rate} (per minute, a decimal with up to 6 decimals) and
 * {@code effective_from} (YYYY-MM-DD) are required; {@code destination} defaults to "", {@code increment} to 60/60
 * and {@code effective_until} (exclusive) to open-ended.
 */
final class RateDeckFormat {
    /** The columns a deck may have. */
    enum Column {
        PREFIX(true), DESTINATION(false), RATE(true), INCREMENT(false), EFFECTIVE_FROM(true), EFFECTIVE_UNTIL(false);

        final boolean required;

        Column(boolean required) {
            this.required = required;
        }

        String header() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final int DATE_LENGTH = 10;

    /** Index of each column in the rows, -1 when absent. */
    private final int[] index = new int[Column.values().length];
    private final int width;
    private final Map<String, BillingIncrement> increments = new HashMap<>();
    private String lastDateText;
    private LocalDate lastDate;

    private RateDeckFormat(int width) {
        this.width = width;
    }

    /**
     * The format a header row declares.
     *
     * @throws IllegalArgumentException naming what is wrong with the header
     */
    static RateDeckFormat ofHeader(CsvReader header) {
        RateDeckFormat format = new RateDeckFormat(header.size());
        java.util.Arrays.fill(format.index, -1);
        for (int i = 0; i < header.size(); i++) {
            String name = header.field(i).trim().toUpperCase(Locale.ROOT);
            Column column;
            try {
                column = Column.valueOf(name);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown column '" + header.field(i) + "'");
            }
            if (format.index[column.ordinal()] >= 0) {
                throw new IllegalArgumentException("column '" + column.header() + "' appears twice");
            }
            format.index[column.ordinal()] = i;
        }
        for (Column column : Column.values()) {
            if (column.required && format.index[column.ordinal()] < 0) {
                throw new IllegalArgumentException("the header has no column '" + column.header() + "'");
            }
        }
        return format;
    }

    /** The rate of a data row; or throws with every problem of the row, joined by "; ". */
    RateRow rate(CsvReader row) {
        if (row.size() != width) {
            throw new IllegalArgumentException(row.size() + " fields, the header has " + width);
        }
        StringBuilder problems = new StringBuilder();
        String prefix = prefix(text(row, Column.PREFIX), problems);
        String destination = text(row, Column.DESTINATION).trim();
        if (destination.length() > RateRow.MAX_DESTINATION_LENGTH) {
            note(problems, "destination is longer than " + RateRow.MAX_DESTINATION_LENGTH + " characters");
        }
        long rate = rate(text(row, Column.RATE).trim(), problems);
        BillingIncrement increment = increment(text(row, Column.INCREMENT).trim(), problems);
        LocalDate from = date(Column.EFFECTIVE_FROM, text(row, Column.EFFECTIVE_FROM).trim(), problems);
        String untilText = text(row, Column.EFFECTIVE_UNTIL).trim();
        LocalDate until = untilText.isEmpty() ? null : date(Column.EFFECTIVE_UNTIL, untilText, problems);
        if (from != null && until != null && !until.isAfter(from)) {
            note(problems, "effective_until " + until + " is not after effective_from " + from);
        }
        if (problems.length() > 0) {
            throw new IllegalArgumentException(problems.toString());
        }
        return new RateRow(prefix, destination, rate, increment, from, until);
    }

    private String text(CsvReader row, Column column) {
        int i = index[column.ordinal()];
        return i < 0 ? "" : row.field(i);
    }

    private static String prefix(String text, StringBuilder problems) {
        String digits = text.trim();
        if (digits.startsWith("+")) {
            digits = digits.substring(1);
        }
        boolean valid = !digits.isEmpty() && digits.length() <= RateRow.MAX_PREFIX_DIGITS;
        for (int i = 0; valid && i < digits.length(); i++) {
            valid = digits.charAt(i) >= '0' && digits.charAt(i) <= '9';
        }
        if (!valid) {
            note(problems, "prefix '" + text + "' is not 1-" + RateRow.MAX_PREFIX_DIGITS + " digits");
        }
        return digits;
    }

    private static long rate(String text, StringBuilder problems) {
        try {
            return MicroUnits.parse(text);
        } catch (NumberFormatException e) {
            note(problems, "rate '" + text + "' " + e.getMessage());
            return 0;
        }
    }

    private BillingIncrement increment(String text, StringBuilder problems) {
        if (text.isEmpty()) {
            return BillingIncrement.PER_MINUTE;
        }
        BillingIncrement known = increments.get(text);
        if (known != null) {
            return known;
        }
        int slash = text.indexOf('/');
        try {
            if (slash < 0) {
                throw new IllegalArgumentException();
            }
            BillingIncrement parsed = new BillingIncrement(Integer.parseInt(text.substring(0, slash)),
                    Integer.parseInt(text.substring(slash + 1)));
            if (increments.size() < 1000) {
                increments.put(text, parsed);
            }
            return parsed;
        } catch (IllegalArgumentException e) {
            note(problems, "increment '" + text + "' is not seconds/seconds like 60/60, each 1-"
                    + BillingIncrement.MAX_SECONDS);
            return BillingIncrement.PER_MINUTE;
        }
    }

    private LocalDate date(Column column, String text, StringBuilder problems) {
        if (text.equals(lastDateText)) {
            return lastDate;
        }
        try {
            if (text.length() != DATE_LENGTH || text.charAt(4) != '-' || text.charAt(7) != '-') {
                throw new DateTimeException(text);
            }
            LocalDate date = LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
            lastDateText = text;
            lastDate = date;
            return date;
        } catch (DateTimeException e) {
            note(problems, column.header() + " '" + text + "' is not a date (YYYY-MM-DD)");
            return null;
        }
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new DateTimeException(text);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static void note(StringBuilder problems, String problem) {
        if (problems.length() > 0) {
            problems.append("; ");
        }
        problems.append(problem);
    }
}
