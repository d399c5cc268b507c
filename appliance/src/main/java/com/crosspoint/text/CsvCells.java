package com.crosspoint.text;

import java.util.regex.Pattern;

/**
 * Cells of the CSV files the appliance exports (RFC 4180): text that a spreadsheet could take for a formula gets a
 * leading {@code '}, and a cell with a comma, quote or line break is quoted.
 */
public final class CsvCells {
    private static final Pattern NEGATIVE_NUMBER = Pattern.compile("-[0-9]+(\\.[0-9]+)?");

    private CsvCells() {
    }

    /** A text cell; null is empty. */
    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String v = value;
        char first = v.charAt(0);
        // a negative amount (a margin) is a number, not a formula: it stays one for the spreadsheet to sum
        if (first == '-' && NEGATIVE_NUMBER.matcher(v).matches()) {
            return v;
        }
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\r') >= 0 || v.indexOf('\n') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
