package com.crosspoint.auth;

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
        Map<String, String> params = DigestParams.parse(headerValue);
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
}
