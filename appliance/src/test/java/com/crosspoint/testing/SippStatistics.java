package com.crosspoint.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Final cumulative counters of a SIPp run, from the last row of its {@code -trace_stat} CSV
 * (columns like {@code SuccessfulCall(C)}; "(C)" = cumulative, "(P)" = periodic), or from the final screen.
 */
public record SippStatistics(long successfulCalls, long failedCalls, long retransmissions,
        Map<String, String> columns) {

    private static final Pattern SCREEN_SUCCESSFUL = Pattern.compile("Successful call\\s*\\|\\s*\\d+\\s*\\|\\s*(\\d+)");
    private static final Pattern SCREEN_FAILED = Pattern.compile("Failed call\\s*\\|\\s*\\d+\\s*\\|\\s*(\\d+)");

    public SippStatistics {
        columns = Map.copyOf(columns);
    }

    /** Parses a SIPp statistics CSV (';'-separated, header first); empty if it has no data row yet. */
    public static Optional<SippStatistics> fromCsv(Path csv) {
        if (!Files.isRegularFile(csv)) {
            return Optional.empty();
        }
        try {
            return fromCsv(Files.readAllLines(csv, StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv, e);
        }
    }

    static Optional<SippStatistics> fromCsv(List<String> lines) {
        List<String> rows = lines.stream().filter(l -> !l.isBlank()).toList();
        if (rows.size() < 2) {
            return Optional.empty();
        }
        String[] header = rows.get(0).split(";", -1);
        String[] last = rows.get(rows.size() - 1).split(";", -1);
        Map<String, String> columns = new LinkedHashMap<>();
        for (int i = 0; i < header.length && i < last.length; i++) {
            if (!header[i].isEmpty()) {
                columns.put(header[i], last[i]);
            }
        }
        return Optional.of(new SippStatistics(number(columns, "SuccessfulCall(C)"), number(columns, "FailedCall(C)"),
                number(columns, "Retransmissions(C)"), columns));
    }

    /** Fallback: the "Successful call" / "Failed call" rows of the last statistics screen. */
    static Optional<SippStatistics> fromScreen(String screen) {
        Long successful = lastMatch(SCREEN_SUCCESSFUL, screen);
        Long failed = lastMatch(SCREEN_FAILED, screen);
        if (successful == null || failed == null) {
            return Optional.empty();
        }
        return Optional.of(new SippStatistics(successful, failed, -1, Map.of()));
    }

    /** A raw final value, e.g. {@code column("ResponseTime1(C)")}. */
    public Optional<String> column(String name) {
        return Optional.ofNullable(columns.get(name));
    }

    private static long number(Map<String, String> columns, String name) {
        String value = columns.get(name);
        if (value == null) {
            throw new IllegalArgumentException("SIPp statistics lack column " + name);
        }
        return Long.parseLong(value.trim());
    }

    private static Long lastMatch(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        Long value = null;
        while (m.find()) {
            value = Long.parseLong(m.group(1));
        }
        return value;
    }
}
