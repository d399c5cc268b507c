package com.crosspoint.auth;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The parameters of an {@code Authorization} / {@code Proxy-Authorization} header value with the
 * Digest scheme (RFC 3261 s25.1 "digest-response", RFC 7616 s3.4). Values are unquoted and
 * unescaped. The optional parameters are {@code null} when absent.
 */
public record DigestCredentials(String username, String realm, String nonce, String uri, String response,
                                String algorithm, String cnonce, String qop, String nc, String opaque) {

    private static final String SCHEME = "Digest";

    public DigestCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(response, "response");
    }

    /**
     * Parses a header value such as {@code Digest username="bob", realm="biloxi.com", nonce="..",
     * uri="sip:biloxi.com", response="..", qop=auth, nc=00000001, cnonce=".."}.
     *
     * <p>Accepts quoted strings with backslash escapes, unquoted values, any whitespace around
     * {@code =} and commas, empty list elements, and parameter names in any case; ignores unknown
     * parameters. Returns empty for another scheme, for syntax errors, for a repeated parameter and
     * when username, realm, nonce, uri or response is missing (no digest can be checked without
     * all five). Repeats are refused because RFC 7235 s2.1 says "each parameter name MUST
     * only occur once per challenge", and because the SIP stack and we could otherwise read
     * different values from one header.
     */
    public static Optional<DigestCredentials> parse(String headerValue) {
        if (headerValue == null) {
            return Optional.empty();
        }
        Map<String, String> params = new Parser(headerValue).parse();
        if (params == null) {
            return Optional.empty();
        }
        String username = params.get("username");
        String realm = params.get("realm");
        String nonce = params.get("nonce");
        String uri = params.get("uri");
        String response = params.get("response");
        if (username == null || realm == null || nonce == null || uri == null || response == null) {
            return Optional.empty();
        }
        return Optional.of(new DigestCredentials(username, realm, nonce, uri, response,
                params.get("algorithm"), params.get("cnonce"), params.get("qop"), params.get("nc"),
                params.get("opaque")));
    }

    /** Leaves out the response so logging credentials does not hand out material for offline guessing. */
    @Override
    public String toString() {
        return "DigestCredentials[username=" + username + ", realm=" + realm + ", nonce=" + nonce
                + ", uri=" + uri + ", algorithm=" + algorithm + ", qop=" + qop + ", nc=" + nc + "]";
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
