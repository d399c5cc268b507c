package com.crosspoint.auth;

/**
 * Why a request was challenged. Only for the server's logs and throttling: the client sees the
 * same challenge for all of them, apart from {@code stale=true} on the ones that say so.
 */
public enum AuthFailureReason {
    /** No Authorization value: the normal first request of every exchange. */
    MISSING,
    /** Not a Digest value, a syntax error, a missing required parameter, or a qop we did not offer. */
    MALFORMED,
    /** The realm parameter is not the realm we challenge with. */
    WRONG_REALM,
    /** No credentials are stored for the username. */
    UNKNOWN_USER,
    /** The response digest does not match: typically a wrong password. */
    BAD_RESPONSE,
    /** Correct digest, but a nonce count not higher than one already accepted for the nonce (stale=true). */
    REPLAY,
    /** Correct digest for one of our nonces that has outlived its time-to-live (stale=true). */
    STALE,
    /** Correct digest for a nonce we did not issue, e.g. from before a secret change (stale=true). */
    INVALID_NONCE,
    /** An algorithm we did not offer, such as MD5-sess or an unknown token. */
    UNSUPPORTED_ALGORITHM
}
