package com.crosspoint.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The Digest challenge sent in a 401 {@code WWW-Authenticate} or 407 {@code Proxy-Authenticate}:
 * one header value per offered algorithm, all with the same nonce.
 *
 * @param realm  the protection realm, e.g. the tenant's SIP domain
 * @param nonce  from {@link NonceService#issue()}
 * @param stale  true when the client's credentials were right but its nonce was not usable
 * @param opaque optional value the client must echo back; {@code null} to leave it out
 */
public record DigestChallenge(String realm, String nonce, boolean stale, String opaque) {

    /**
     * Offered algorithms, most preferred first. RFC 8760 s2.3: "The UAS MUST add these header
     * fields to the response in the order in which it would prefer to see them used". MD5 stays
     * last, for devices that know nothing better.
     */
    public static final List<DigestAlgorithm> OFFERED_ALGORITHMS =
            List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5);

    public DigestChallenge {
        requirePrintable(realm, "realm");
        requirePrintable(nonce, "nonce");
        if (opaque != null) {
            requirePrintable(opaque, "opaque");
        }
    }

    /** Header values in the order they must be added to the response, SHA-256 first. */
    public List<String> headerValues() {
        List<String> values = new ArrayList<>(OFFERED_ALGORITHMS.size());
        for (DigestAlgorithm algorithm : OFFERED_ALGORITHMS) {
            values.add(headerValue(algorithm));
        }
        return List.copyOf(values);
    }

    /** The header value offering {@code algorithm}, e.g. {@code Digest realm="a", nonce="b", algorithm=MD5, qop="auth"}. */
    public String headerValue(DigestAlgorithm algorithm) {
        StringBuilder value = new StringBuilder(160)
                .append("Digest realm=").append(quoted(realm))
                .append(", nonce=").append(quoted(nonce));
        if (opaque != null) {
            value.append(", opaque=").append(quoted(opaque));
        }
        value.append(", algorithm=").append(algorithm.token())
                .append(", qop=\"auth\"");
        if (stale) {
            value.append(", stale=true");
        }
        return value.toString();
    }

    /** RFC 3261 s25.1 quoted-string: backslash and double quote need a quoted-pair. */
    private static String quoted(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append('"').toString();
    }

    // A CR or LF in a header value would let a configured realm inject header lines.
    private static void requirePrintable(String text, String name) {
        Objects.requireNonNull(text, name);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                throw new IllegalArgumentException(name + " contains a control character");
            }
        }
    }
}
