package com.crosspoint.acr.rate;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV (RFC 4180: comma-separated, fields optionally in double quotes, "" for a quote inside them, CRLF or LF
 * line ends) one record at a time from a stream, never holding more than one record. A record that breaks the format
 * is still returned, with a {@link #problem()}, so that the caller can report it by number and go on; fields and
 * records have a length cap, so a file without line ends cannot fill the memory.
 */
final class CsvReader {
    private static final int EOF = -1;
    private static final char BOM = '\uFEFF';

    private final Reader in;
    private final int maxFieldLength;
    private final int maxFields;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private final List<String> fields = new ArrayList<>();
    private final StringBuilder field = new StringBuilder();
    private long record;
    private String problem;

    CsvReader(Reader in, int maxFieldLength, int maxFields) {
        this.in = in;
        this.maxFieldLength = maxFieldLength;
        this.maxFields = maxFields;
    }

    /** Reads the next record; false at the end of the input. */
    boolean next() throws IOException {
        fields.clear();
        problem = null;
        int c = read();
        if (record == 0 && c == BOM) {
            c = read(); // spreadsheet exports begin with a byte order mark
        }
        if (c == EOF) {
            return false;
        }
        record++;
        while (true) {
            c = c == '"' ? quotedField() : plainField(c);
            endField();
            if (c != ',') {
                if (c == '\r' && peek() == '\n') {
                    read();
                }
                return true;
            }
            c = read();
        }
    }

    /** The number of the record last read, from 1 (the header). */
    long record() {
        return record;
    }

    int size() {
        return fields.size();
    }

    String field(int index) {
        return fields.get(index);
    }

    /** What is wrong with the record's format, or null. */
    String problem() {
        return problem;
    }

    /** Reads an unquoted field starting with {@code c}; returns the character that ended it. */
    private int plainField(int c) throws IOException {
        while (c != ',' && c != '\n' && c != '\r' && c != EOF) {
            if (c == '"') {
                flag("a quote inside an unquoted field");
            }
            append(c);
            c = read();
        }
        return c;
    }

    /** Reads a quoted field after its opening quote; returns the character after the closing quote's field. */
    private int quotedField() throws IOException {
        while (true) {
            int c = read();
            if (c == EOF) {
                flag("a quote opened in this row is never closed");
                return EOF;
            }
            if (c == '"') {
                if (peek() != '"') {
                    break;
                }
                read();
            }
            append(c);
        }
        int c = read();
        if (c != ',' && c != '\n' && c != '\r' && c != EOF) {
            flag("text after a closing quote");
            return plainField(c);
        }
        return c;
    }

    private void append(int c) {
        if (field.length() < maxFieldLength) {
            field.append((char) c);
        } else {
            flag("a field is longer than " + maxFieldLength + " characters");
        }
    }

    private void endField() {
        if (fields.size() < maxFields) {
            fields.add(field.toString());
        } else {
            flag("more than " + maxFields + " fields");
        }
        field.setLength(0);
    }

    private void flag(String what) {
        if (problem == null) {
            problem = what;
        }
    }

    private int read() throws IOException {
        if (position == limit && !fill()) {
            return EOF;
        }
        return buffer[position++];
    }

    private int peek() throws IOException {
        if (position == limit && !fill()) {
            return EOF;
        }
        return buffer[position];
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }
}
