package com.crosspoint.api;

import java.util.Locale;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * Finds the login of a request: a bearer token ({@code Authorization: Bearer}) or, from browsers,
 * the session cookie. A bearer header wins over a cookie. Unknown or lapsed logins get 401.
 */
final class Authenticator {
    static final String COOKIE = "crosspoint_session";
    private static final String BEARER = "bearer ";

    private final LoginSessions sessions;

    Authenticator(LoginSessions sessions) {
        this.sessions = sessions;
    }

    /** The token a request carries and whether it came in the cookie (so CSRF rules apply). */
    record Credentials(String token, boolean cookie) {
        static final Credentials NONE = new Credentials(null, false);
    }

    static Credentials credentials(Request request) {
        String bearer = bearerToken(request.getHeaders().get(HttpHeader.AUTHORIZATION));
        if (bearer != null) {
            return new Credentials(bearer, false);
        }
        String cookie = sessionCookie(request);
        return cookie == null ? Credentials.NONE : new Credentials(cookie, true);
    }

    /** The token of an {@code Authorization: Bearer} header, or null. */
    static String bearerToken(String authorization) {
        if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            return null;
        }
        String token = authorization.substring(BEARER.length()).trim();
        return token.isEmpty() ? null : token;
    }

    /** The value of the session cookie, or null. */
    static String sessionCookie(Request request) {
        if (request.getHeaders().get(HttpHeader.COOKIE) == null) {
            return null;
        }
        for (HttpCookie c : Request.getCookies(request)) {
            if (COOKIE.equals(c.getName()) && c.getValue() != null && !c.getValue().isEmpty()) {
                return c.getValue();
            }
        }
        return null;
    }

    LoginSessions.Login authenticate(Credentials credentials) {
        if (credentials.token() == null) {
            throw ApiException.unauthorized("login required: send Authorization: Bearer <token> from "
                    + "POST /api/v1/auth/login, or log in with POST /api/v1/web/login");
        }
        return sessions.useLogin(credentials.token())
                .orElseThrow(() -> ApiException.unauthorized("login expired or invalid; log in again"));
    }
}
