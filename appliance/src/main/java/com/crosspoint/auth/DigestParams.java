package com.crosspoint.auth;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The auth-params of a Digest header value, challenge or credentials alike (RFC 7235 s2.1, RFC 3261 s25.1):
 * {@code Digest name=value, name="quoted value", ...}. Accepts quoted strings with backslash escapes, unquoted
 * values, any whitespace around {@code =} and commas, empty list elements, and names in any case (returned lower
 * case). Returns null for another scheme, a syntax error, a control character in a value, or a repeated parameter
 * (RFC 7235 s2.1: "each parameter name MUST only occur once").
 */
final class DigestParams {
    private static final String SCHEME = "Digest";

    private DigestParams() {
    }

    static Map<String, String> parse(String headerValue) {
        return headerValue == null ? null : new Parser(headerValue).parse();
    }

    /** Single-use recursive-descent parser; returns null instead of a map on any syntax error. */
    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        Map<String, String> parse() {
            skipWhitespace();
            String scheme = token();
            if (!SCHEME.equalsIgnoreCase(scheme)) {
                return null;
            }
            // RFC 7235 s2.1: credentials = auth-scheme [ 1*SP ( token68 / #auth-param ) ]
            if (pos >= s.length() || !isWhitespace(s.charAt(pos))) {
                return null;
            }
            Map<String, String> params = new HashMap<>();
            while (true) {
                skipWhitespaceAndCommas();
                if (pos >= s.length()) {
                    return params;
                }
                String name = token();
                if (name.isEmpty()) {
                    return null;
                }
                skipWhitespace();
                if (pos >= s.length() || s.charAt(pos) != '=') {
                    return null;
                }
                pos++;
                skipWhitespace();
                String value = pos < s.length() && s.charAt(pos) == '"' ? quotedString() : unquotedValue();
                if (value == null) {
                    return null;
                }
                if (params.put(name.toLowerCase(Locale.ROOT), value) != null) {
                    return null;
                }
                skipWhitespace();
                if (pos < s.length() && s.charAt(pos) != ',') {
                    return null;
                }
            }
        }

        private String token() {
            int start = pos;
            while (pos < s.length() && isTokenChar(s.charAt(pos))) {
                pos++;
            }
            return s.substring(start, pos);
        }

        /** RFC 3261 s25.1: quoted-string = SWS DQUOTE *(qdtext / quoted-pair ) DQUOTE. */
        private String quotedString() {
            StringBuilder out = new StringBuilder();
            pos++;
            while (pos < s.length()) {
                char c = s.charAt(pos++);
                if (c == '"') {
                    return out.toString();
                }
                if (c == '\\') {
                    if (pos >= s.length()) {
                        return null;
                    }
                    c = s.charAt(pos++);
                }
                // quoted-pair = "\" (%x00-09 / %x0B-0C / %x0E-7F) and qdtext exclude CR and LF; we
                // reject every control character so none reaches a user lookup or a log line.
                if (isControl(c)) {
                    return null;
                }
                out.append(c);
            }
            return null;
        }

        /** Lenient: accepts any visible characters, since some devices send e.g. uri=sip:x@y unquoted. */
        private String unquotedValue() {
            int start = pos;
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == ',' || isWhitespace(c)) {
                    break;
                }
                if (c == '"' || isControl(c)) {
                    return null;
                }
                pos++;
            }
            return pos == start ? null : s.substring(start, pos);
        }

        private void skipWhitespace() {
            while (pos < s.length() && isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        private void skipWhitespaceAndCommas() {
            while (pos < s.length() && (isWhitespace(s.charAt(pos)) || s.charAt(pos) == ',')) {
                pos++;
            }
        }

        // CR and LF count as whitespace so a value that still contains header folding (LWS) parses.
        private static boolean isWhitespace(char c) {
            return c == ' ' || c == '\t' || c == '\r' || c == '\n';
        }

        private static boolean isControl(char c) {
            return (c < 0x20 && c != '\t') || c == 0x7f;
        }

        /** RFC 7230 s3.2.6 tchar. */
        private static boolean isTokenChar(char c) {
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                return true;
            }
            return "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
        }
    }
}
