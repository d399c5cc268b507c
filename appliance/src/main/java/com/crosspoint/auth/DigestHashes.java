package com.crosspoint.auth;

import java.util.Objects;

/**
 * The Digest hash formulas of RFC 7616 s3.4 (identical to RFC 2617 s3.2.2 and used by SIP per
 * RFC 3261 s22.4 and RFC 8760). All results are lower-case hex.
 */
public final class DigestHashes {

    private DigestHashes() {
    }

    /**
     * The stored secret HA1 = H(username ":" realm ":" password). RFC 7616 s3.4.2: "A1 = unq(username)
     * ":" unq(realm) ":" passwd". For {@code -sess} algorithms this is still the value to store;
     * {@link #sessionHa1} derives the per-nonce value from it.
     */
    public static String ha1(DigestAlgorithm algorithm, String username, String realm, String password) {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(password, "password");
        return algorithm.hashHex(username + ':' + realm + ':' + password);
    }

    /**
     * HA1 of the {@code -sess} algorithms, RFC 7616 s3.4.2: "A1 = H( unq(username) ":" unq(realm) ":"
     * passwd ) ":" unq(nonce-prime) ":" unq(cnonce-prime)".
     */
    public static String sessionHa1(DigestAlgorithm algorithm, String ha1, String nonce, String cnonce) {
        return algorithm.hashHex(ha1 + ':' + nonce + ':' + cnonce);
    }

    /** HA2 for qop=auth or no qop, RFC 7616 s3.4.3: "A2 = Method ":" request-uri". */
    public static String ha2(DigestAlgorithm algorithm, String method, String uri) {
        return algorithm.hashHex(method + ':' + uri);
    }

    /**
     * HA2 for qop=auth-int, RFC 7616 s3.4.3: "A2 = Method ":" request-uri ":" H(entity-body)". In SIP
     * the entity body is the message body, empty when there is none.
     */
    public static String ha2AuthInt(DigestAlgorithm algorithm, String method, String uri, byte[] body) {
        return algorithm.hashHex(method + ':' + uri + ':' + algorithm.hashHex(body));
    }

    /**
     * The request-digest when a qop is used, RFC 7616 s3.4.1: response = KD(H(A1), unq(nonce) ":" nc
     * ":" unq(cnonce) ":" unq(qop) ":" H(A2)), where KD(secret, data) = H(concat(secret, ":", data)).
     */
    public static String response(DigestAlgorithm algorithm, String ha1, String nonce, String nc,
                                  String cnonce, String qop, String ha2) {
        return algorithm.hashHex(ha1 + ':' + nonce + ':' + nc + ':' + cnonce + ':' + qop + ':' + ha2);
    }

    /**
     * The request-digest without qop, kept by RFC 2617 s3.2.2.1 "for compatibility with RFC 2069":
     * response = KD(H(A1), unq(nonce) ":" H(A2)).
     */
    public static String responseWithoutQop(DigestAlgorithm algorithm, String ha1, String nonce, String ha2) {
        return algorithm.hashHex(ha1 + ':' + nonce + ':' + ha2);
    }
}
