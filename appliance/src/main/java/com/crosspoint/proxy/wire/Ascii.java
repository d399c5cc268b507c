package com.crosspoint.proxy.wire;

import java.nio.charset.StandardCharsets;

/**
 * Byte-level helpers for the SIP grammar (RFC 3261 §25.1) over regions of a buffer. Nothing here
 * allocates except {@link #string}, which the hot path only uses for values it keeps.
 */
public final class Ascii {
    private static final boolean[] TOKEN = new boolean[256];

    static {
        for (int c = 'a'; c <= 'z'; c++) {
            TOKEN[c] = true;
            TOKEN[c - 32] = true;
        }
        for (int c = '0'; c <= '9'; c++) {
            TOKEN[c] = true;
        }
        for (char c : "-.!%*_+`'~".toCharArray()) {
            TOKEN[c] = true;
        }
    }

    private Ascii() {
    }

    /** token = 1*(alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~") */
    public static boolean isToken(byte b) {
        return TOKEN[b & 0xff];
    }

    /** SP or HTAB. */
    public static boolean isWsp(byte b) {
        return b == ' ' || b == '\t';
    }

    /** Linear white space inside a header value that the scanner has unfolded-in-place: SP, HTAB, CR, LF. */
    public static boolean isLws(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    public static int skipLws(byte[] b, int i, int end) {
        while (i < end && isLws(b[i])) {
            i++;
        }
        return i;
    }

    /** The end of {@code [start, end)} without trailing LWS. */
    public static int trimEnd(byte[] b, int start, int end) {
        while (end > start && isLws(b[end - 1])) {
            end--;
        }
        return end;
    }

    public static int tokenEnd(byte[] b, int i, int end) {
        while (i < end && isToken(b[i])) {
            i++;
        }
        return i;
    }

    /** Case-insensitive comparison of a region with a lower-case ASCII literal. */
    public static boolean equalsIgnoreCase(byte[] b, int start, int end, String lower) {
        if (end - start != lower.length()) {
            return false;
        }
        for (int i = 0; i < lower.length(); i++) {
            int c = b[start + i];
            if (c >= 'A' && c <= 'Z') {
                c += 32;
            }
            if (c != lower.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Case-insensitive prefix test of a region with a lower-case ASCII literal. */
    public static boolean startsWithIgnoreCase(byte[] b, int start, int end, String lower) {
        return end - start >= lower.length() && equalsIgnoreCase(b, start, start + lower.length(), lower);
    }

    /** Byte-exact comparison of two regions. */
    public static boolean regionEquals(byte[] a, int as, int ae, byte[] b, int bs, int be) {
        if (ae - as != be - bs) {
            return false;
        }
        for (int i = 0; i < ae - as; i++) {
            if (a[as + i] != b[bs + i]) {
                return false;
            }
        }
        return true;
    }

    /** Byte-exact comparison of a region with an ASCII literal. */
    public static boolean regionEquals(byte[] a, int as, int ae, String literal) {
        if (ae - as != literal.length()) {
            return false;
        }
        for (int i = 0; i < literal.length(); i++) {
            if (a[as + i] != literal.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Decimal digits only, leading zeros allowed (RFC 4475 §3.1.1.1: "0068" is 68).
     *
     * @return the value, or -1 when the region is empty, has a non-digit or exceeds {@code max}
     */
    public static long parseUnsigned(byte[] b, int start, int end, long max) {
        if (start >= end) {
            return -1;
        }
        long value = 0;
        for (int i = start; i < end; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            value = value * 10 + d;
            if (value > max) {
                return -1;
            }
        }
        return value;
    }

    public static int indexOf(byte[] b, int from, int end, byte c) {
        for (int i = from; i < end; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    public static String string(byte[] b, int start, int end) {
        return new String(b, start, end - start, StandardCharsets.ISO_8859_1);
    }

    public static byte[] bytes(String ascii) {
        return ascii.getBytes(StandardCharsets.ISO_8859_1);
    }
}
