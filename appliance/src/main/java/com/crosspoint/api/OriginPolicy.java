package com.crosspoint.api;

import java.util.Locale;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * Same-origin rule for browser requests: an {@code Origin} header that is present must equal the
 * request's own origin, {@code scheme://Host} (the Host header as the browser sent it, port
 * included when not the default). Refuses cross-site form posts, login CSRF and cross-site
 * WebSocket hijacking; API clients that send no Origin are not affected.
 */
final class OriginPolicy {
    static final String REFUSED = "cross-origin request refused";

    private OriginPolicy() {
    }

    /** scheme://host[:port] of the request itself, lower case; null without a Host header. */
    static String ownOrigin(Request request) {
        String host = request.getHeaders().get(HttpHeader.HOST);
        if (host == null || host.isBlank()) {
            return null;
        }
        return (request.isSecure() ? "https" : "http") + "://" + host.trim().toLowerCase(Locale.ROOT);
    }

    /** Whether the request's Origin is absent or the request's own. */
    static boolean allows(Request request) {
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        return origin == null || matches(request, origin);
    }

    /** Whether the request carries an Origin and it is the request's own (required for cookie WebSockets). */
    static boolean presentAndSame(Request request) {
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        return origin != null && matches(request, origin);
    }

    private static boolean matches(Request request, String origin) {
        String own = ownOrigin(request);
        return own != null && own.equals(origin.trim().toLowerCase(Locale.ROOT));
    }

    static void require(Request request) {
        if (!allows(request)) {
            throw ApiException.forbidden(REFUSED);
        }
    }
}
