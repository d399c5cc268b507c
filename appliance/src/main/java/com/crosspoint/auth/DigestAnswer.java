package com.crosspoint.auth;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The client side of Digest: the credentials answering a server's challenge (RFC 3261 s22.2, RFC 7616 s3.4, RFC 8760),
 * as the value of an {@code Authorization} (for a 401) or {@code Proxy-Authorization} (for a 407) header. MD5 is the
 * algorithm when the challenge names none; {@code qop=auth} is used when offered (with the given client nonce and a
 * nonce count of 1, since every answer is to a fresh challenge); a challenge without qop gets the RFC 2069 response.
 * A challenge that offers only {@code auth-int}, or an algorithm we do not know, cannot be answered.
 */
public final class DigestAnswer {
    private static final String FIRST_NONCE_COUNT = "00000001";

    private DigestAnswer() {
    }

    /**
     * Answers the first of {@code challenges} (header values in the order the server preferred them, RFC 8760 s2.3)
     * that can be answered.
     *
     * @param method the request's method, e.g. {@code INVITE}
     * @param uri    the request's Request-URI as sent, which goes into the digest and the {@code uri} parameter
     * @param cnonce a fresh client nonce (letters and digits)
     * @return the header value, or empty when no challenge can be answered
     */
    public static Optional<String> answer(List<String> challenges, String username, String password, String method,
            String uri, String cnonce) {
        for (String challenge : challenges) {
            Optional<String> answer = answer(challenge, username, password, method, uri, cnonce);
            if (answer.isPresent()) {
                return answer;
            }
        }
        return Optional.empty();
    }

    /** Answers one challenge value; empty when it is not Digest or asks for what we cannot do. */
    public static Optional<String> answer(String challenge, String username, String password, String method,
            String uri, String cnonce) {
        Map<String, String> params = DigestParams.parse(challenge);
        if (params == null || params.get("realm") == null || params.get("nonce") == null) {
            return Optional.empty();
        }
        String algorithmToken = params.getOrDefault("algorithm", DigestAlgorithm.MD5.token());
        Optional<DigestAlgorithm> algorithm = DigestAlgorithm.fromToken(algorithmToken);
        String qopOffer = params.get("qop");
        boolean qopAuth = qopOffer != null && offersAuth(qopOffer);
        if (algorithm.isEmpty() || (qopOffer != null && !qopAuth)) {
            return Optional.empty();
        }
        DigestAlgorithm a = algorithm.get();
        String realm = params.get("realm");
        String nonce = params.get("nonce");
        String ha1 = DigestHashes.ha1(a, username, realm, password);
        if (a.isSession()) {
            ha1 = DigestHashes.sessionHa1(a, ha1, nonce, cnonce);
        }
        String ha2 = DigestHashes.ha2(a, method, uri);
        StringBuilder out = new StringBuilder(256).append("Digest username=").append(quoted(username))
                .append(", realm=").append(quoted(realm)).append(", nonce=").append(quoted(nonce))
                .append(", uri=").append(quoted(uri));
        if (qopAuth) {
            out.append(", response=\"").append(DigestHashes.response(a, ha1, nonce, FIRST_NONCE_COUNT, cnonce, "auth",
                    ha2)).append("\", algorithm=").append(algorithmToken).append(", cnonce=").append(quoted(cnonce))
                    .append(", qop=auth, nc=").append(FIRST_NONCE_COUNT);
        } else {
            out.append(", response=\"").append(DigestHashes.responseWithoutQop(a, ha1, nonce, ha2))
                    .append("\", algorithm=").append(algorithmToken);
        }
        String opaque = params.get("opaque");
        if (opaque != null) {
            out.append(", opaque=").append(quoted(opaque)); // RFC 7616 s3.4: returned unchanged
        }
        return Optional.of(out.toString());
    }

    /** RFC 7616 s3.3: qop is a quoted, comma-separated list of options. */
    private static boolean offersAuth(String qop) {
        for (String option : qop.split(",")) {
            if (option.trim().toLowerCase(Locale.ROOT).equals("auth")) {
                return true;
            }
        }
        return false;
    }

    /** A quoted-string; a value with a CR, LF or other control character could inject header lines: refused. */
    private static String quoted(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                throw new IllegalArgumentException("control character in a digest parameter");
            }
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append('"').toString();
    }
}
