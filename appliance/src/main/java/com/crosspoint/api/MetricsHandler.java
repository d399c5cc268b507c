package com.crosspoint.api;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code GET /metrics}: the Prometheus text exposition. Read with the configured scrape token
 * ({@code http.metricsToken}, as {@code Authorization: Bearer}) or an admin login that sees every tenant (a bearer
 * token from {@code /auth/login} or the dashboard's session cookie); 401 without either, 403 for other logins.
 */
final class MetricsHandler extends Handler.Abstract {
    static final String PATH = "/metrics";
    private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final Supplier<String> scrape;
    private final byte[] token;
    private final Authenticator authenticator;
    private final ReplyWriter writer;

    /** @param token the scrape token; null when only logins may read */
    MetricsHandler(Supplier<String> scrape, String token, Authenticator authenticator, ReplyWriter writer) {
        this.scrape = scrape;
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
        this.authenticator = authenticator;
        this.writer = writer;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!request.getMethod().equals("GET")) {
            writer.write(response, callback, ErrorMapper.reply(405, "method " + request.getMethod()
                    + " not allowed here", null).withHeader("Allow", "GET"));
            return true;
        }
        try {
            admit(request);
        } catch (ApiException e) {
            Reply refusal = ErrorMapper.reply(e.status(), e.getMessage(), null);
            writer.write(response, callback, e.status() == 401 ? refusal.withHeader("WWW-Authenticate", "Bearer")
                    : refusal);
            return true;
        }
        byte[] body = scrape.get().getBytes(StandardCharsets.UTF_8);
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, CONTENT_TYPE);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }

    private void admit(Request request) {
        String bearer = Authenticator.bearerToken(request.getHeaders().get(HttpHeader.AUTHORIZATION));
        if (token != null && bearer != null
                && MessageDigest.isEqual(token, bearer.getBytes(StandardCharsets.UTF_8))) {
            return;
        }
        Principal p = authenticator.authenticate(Authenticator.credentials(request)).principal();
        if (p.isUser() || !p.global()) {
            throw ApiException.forbidden("/metrics needs the scrape token or a login that sees every tenant");
        }
    }
}
