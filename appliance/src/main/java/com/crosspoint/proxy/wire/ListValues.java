package com.crosspoint.proxy.wire;

/** Splits a header value that is a comma-separated list (Route, Record-Route, Via) at its top-level commas. */
public final class ListValues {
    private ListValues() {
    }

    /** Index of the next comma outside quotes and {@code <>} in {@code [from, end)}, or {@code end}. */
    public static int nextComma(byte[] b, int from, int end) {
        boolean quoted = false;
        boolean angle = false;
        for (int i = from; i < end; i++) {
            byte c = b[i];
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '<') {
                angle = true;
            } else if (c == '>') {
                angle = false;
            } else if (c == ',' && !angle) {
                return i;
            }
        }
        return end;
    }

    /** Number of values in all headers of this name. */
    public static int count(SipMessage m, HeaderName name) {
        int n = 0;
        byte[] b = m.buffer();
        for (int h = m.first(name); h >= 0; h = m.nextSame(h)) {
            for (int i = m.valueStart(h); i <= m.valueEnd(h); i = nextComma(b, i, m.valueEnd(h)) + 1) {
                n++;
            }
        }
        return n;
    }

    /**
     * Finds value number {@code index} (0-based, across all headers of this name) and writes
     * {start, end} of it, trimmed, into {@code out}; returns false when there are fewer values.
     */
    public static boolean value(SipMessage m, HeaderName name, int index, int[] out) {
        byte[] b = m.buffer();
        int n = 0;
        for (int h = m.first(name); h >= 0; h = m.nextSame(h)) {
            for (int i = m.valueStart(h); i <= m.valueEnd(h); ) {
                int comma = nextComma(b, i, m.valueEnd(h));
                if (n++ == index) {
                    out[0] = Ascii.skipLws(b, i, comma);
                    out[1] = Ascii.trimEnd(b, out[0], comma);
                    return true;
                }
                i = comma + 1;
            }
        }
        return false;
    }
}
