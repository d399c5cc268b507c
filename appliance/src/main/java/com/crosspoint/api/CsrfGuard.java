package com.crosspoint.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import org.eclipse.jetty.server.Request;

/**
 * Cookie-authenticated requests that change state must carry the login's CSRF token in
 * {@code X-CSRF-Token}; a cross-site page can make the browser send the cookie but cannot read the
 * token. Compared in constant time. Checked by the router before the endpoint reads the body.
 */
final class CsrfGuard {
    static final String HEADER = "X-CSRF-Token";
    static final String REFUSED = "missing or wrong CSRF token";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private CsrfGuard() {
    }

    static boolean changesState(String method) {
        return !SAFE.contains(method);
    }

    static void require(Request request, LoginSessions.Login login) {
        if (changesState(request.getMethod()) && !matches(request.getHeaders().get(HEADER), login.csrfToken())) {
            throw ApiException.forbidden(REFUSED);
        }
    }

    static boolean matches(String sent, String expected) {
        if (sent == null || expected == null) {
            return false;
        }
        return MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
