package com.crosspoint.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches API requests by method and path template: 404 for unknown paths, 405 for a known
 * path with another method, 401 for routes that need a login and got none. A blocking handler
 * ({@link Handler.Abstract}, not NonBlocking), so Jetty runs it off the selector threads and
 * endpoints may use JDBC; but the request body is read first by a {@link BodyReader}, which holds no
 * thread while a client takes its time sending it, and the endpoint runs once the body is complete.
 */
public final class Router extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(Router.class);
    private final List<Route> routes = new ArrayList<>();
    private final Authenticator authenticator;
    private final ErrorMapper errors = new ErrorMapper(java.time.Clock.systemUTC());
    private final ReplyWriter writer;
    private final ObjectMapper json;
    private final int maxBodyBytes;
    private final HttpLimits limits;
    private final SecurityCounters counters;
    private final Path uploadDir;

    /** @param uploadDir where upload routes spool their bodies */
    Router(Authenticator authenticator, ObjectMapper json, int maxBodyBytes, HttpLimits limits,
           SecurityCounters counters, Path uploadDir) {
        this.counters = counters;
        this.uploadDir = uploadDir;
        this.authenticator = authenticator;
        this.json = json;
        this.writer = new ReplyWriter(json);
        this.maxBodyBytes = maxBodyBytes;
        this.limits = limits;
    }

    Router add(String method, String path, Access access, Endpoint endpoint) {
        return add(method, path, access, maxBodyBytes, endpoint);
    }

    /** A route whose body may be larger than the JSON cap (an uploaded recording). */
    Router add(String method, String path, Access access, int maxBody, Endpoint endpoint) {
        routes.add(new Route(method, new PathTemplate(path), access, maxBody, null, endpoint));
        return this;
    }

    /**
     * A route that takes a file of up to {@code maxBody} bytes, spooled to disk as it arrives; the endpoint gets it
     * with {@link ApiRequest#claimUpload()}, else it is deleted once the endpoint has answered.
     */
    Router upload(String method, String path, Access access, int maxBody, Duration timeout, Set<String> mediaTypes,
                  Endpoint endpoint) {
        routes.add(new Route(method, new PathTemplate(path), access, maxBody, new Route.Upload(mediaTypes, timeout),
                endpoint));
        return this;
    }

    /** Every (method, path template) served, in registration order; the OpenAPI document must list the same. */
    public List<RouteKey> routes() {
        return routes.stream().map(Route::key).toList();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String requestLine = request.getMethod() + " " + request.getHttpURI().getPath();
        Admitted admitted;
        try {
            admitted = match(request);
        } catch (Exception e) {
            refuse(request, response, callback, errors.toReply(e, requestLine), requestLine);
            return true;
        }
        if (admitted.refusal() != null) {
            refuse(request, response, callback, admitted.refusal(), requestLine);
            return true;
        }
        BodyReader.Receiver receiver = new BodyReader.Receiver() {
            @Override
            public void body(RequestBody body) {
                Reply reply;
                ApiRequest rq = new ApiRequest(request, admitted.params(), admitted.login(), json, body);
                try {
                    reply = admitted.route().endpoint().handle(rq);
                } catch (Exception e) {
                    reply = errors.toReply(e, requestLine);
                } finally {
                    rq.deleteUnclaimedUpload();
                }
                send(response, callback, reply, requestLine);
            }

            @Override
            public void tooSlow() {
                LOG.debug("{}: request body too slow, answered 408", requestLine);
                counters.slowBody();
                send(response, callback, ErrorMapper.reply(408, "request body not received in time", null)
                        .withHeader("Connection", "close"), requestLine);
            }

            @Override
            public void gone(Throwable cause) {
                LOG.debug("{}: client went away while sending its body: {}", requestLine, cause.toString());
                callback.failed(cause);
            }
        };
        Route route = admitted.route();
        if (route.upload() == null) {
            BodyReader.read(request, route.maxBodyBytes(), limits, receiver);
            return true;
        }
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        String mime = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
        if (!route.upload().mediaTypes().contains(mime)) {
            // drained first like every refusal before the body: answered at once, a client still sending its body
            // met a closed connection and saw a reset instead of the 415 (RateDeckApiIT, once in a full verify)
            refuse(request, response, callback, ErrorMapper.reply(415, "Content-Type must be one of "
                    + new java.util.TreeSet<>(route.upload().mediaTypes()), null), requestLine);
            return true;
        }
        try {
            BodyReader.spool(request, route.maxBodyBytes(), limits, route.upload().timeout(), uploadDir, receiver);
        } catch (IOException e) {
            send(response, callback, errors.toReply(e, requestLine), requestLine);
        }
        return true;
    }

    /**
     * Answers a request refused before its body was read, once the body is in (and dropped): a client still sending
     * its body to a connection that answered and closed would see a reset instead of the answer.
     */
    private void refuse(Request request, Response response, Callback callback, Reply refusal, String requestLine) {
        BodyReader.read(request, 0, limits, new BodyReader.Receiver() {
            @Override
            public void body(RequestBody ignored) {
                send(response, callback, refusal, requestLine);
            }

            @Override
            public void tooSlow() {
                send(response, callback, refusal.withHeader("Connection", "close"), requestLine);
            }

            @Override
            public void gone(Throwable cause) {
                callback.failed(cause);
            }
        });
    }

    /** Removes what uploads left in the spool folder (a crash mid-upload); at start, before any upload. */
    static void emptyUploadDir(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (f.getFileName().toString().startsWith("upload-")) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    private void send(Response response, Callback callback, Reply reply, String requestLine) {
        try {
            writer.write(response, callback, reply);
        } catch (JsonProcessingException e) {
            LOG.error("{}: answer could not be serialised", requestLine, e);
            try {
                writer.write(response, callback, ErrorMapper.reply(500, "internal error; see the appliance log", null));
            } catch (JsonProcessingException impossible) {
                callback.failed(impossible);
            }
        }
    }

    /** A matched route whose checks passed, or the answer that refuses the request. */
    private record Admitted(Route route, Map<String, String> params, LoginSessions.Login login, Reply refusal) {
        static Admitted refused(Reply reply) {
            return new Admitted(null, null, null, reply);
        }
    }

    private Admitted match(Request request) {
        String method = request.getMethod();
        String rawPath = request.getHttpURI().getPath();
        Set<String> allowed = new LinkedHashSet<>();
        for (Route r : routes) {
            Optional<Map<String, String>> params = r.path().match(rawPath);
            if (params.isEmpty()) {
                continue;
            }
            if (!r.method().equals(method)) {
                allowed.add(r.method());
                continue;
            }
            return new Admitted(r, params.get(), admit(request, method, r.access()), null);
        }
        if (!allowed.isEmpty()) {
            Reply r = ErrorMapper.reply(405, "method " + method + " not allowed here", null);
            return Admitted.refused(new Reply(r.status(), r.body(), Map.of("Allow", String.join(", ", allowed))));
        }
        return Admitted.refused(ErrorMapper.reply(404, "no such endpoint: " + rawPath, null));
    }

    /**
     * Every check that needs no endpoint, before any body is read: the login (401), for browser
     * requests the Origin and the CSRF token (403), and whether the login's kind may use the route
     * (403). Public routes that change state (the logins) refuse a foreign Origin too.
     */
    private LoginSessions.Login admit(Request request, String method, Access access) {
        if (access == Access.PUBLIC) {
            if (CsrfGuard.changesState(method)) {
                OriginPolicy.require(request);
            }
            return null;
        }
        Authenticator.Credentials credentials = Authenticator.credentials(request);
        LoginSessions.Login login = authenticator.authenticate(credentials);
        if (credentials.cookie()) {
            OriginPolicy.require(request);
            CsrfGuard.require(request, login);
        }
        boolean user = login.principal().isUser();
        if (access == Access.LOGIN && user) {
            throw ApiException.forbidden("an end-user login may only use /api/v1/me, /api/v1/web, "
                    + "/api/v1/events and /api/v1/status");
        }
        if (access == Access.USER && !user) {
            throw ApiException.forbidden("/api/v1/me is for end-user logins (POST /api/v1/web/login with kind user)");
        }
        return login;
    }
}
