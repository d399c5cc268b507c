package com.crosspoint.api;

import java.util.Locale;

/** Turns the bearer token of a request into its principal, or refuses it with 401. */
final class Authenticator {
    private static final String BEARER = "bearer ";

    private final LoginSessions sessions;

    Authenticator(LoginSessions sessions) {
        this.sessions = sessions;
    }

    /** The token of an {@code Authorization: Bearer} header, or null. */
    static String bearerToken(String authorization) {
        if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            return null;
        }
        String token = authorization.substring(BEARER.length()).trim();
        return token.isEmpty() ? null : token;
    }

    Principal authenticate(String token) {
        if (token == null) {
            throw ApiException.unauthorized("login required: send Authorization: Bearer <token> from POST /api/v1/auth/login");
        }
        return sessions.use(token).orElseThrow(() -> ApiException.unauthorized("login expired or invalid; log in again"));
    }
}
