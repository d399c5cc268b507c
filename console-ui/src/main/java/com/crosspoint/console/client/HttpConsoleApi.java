package com.crosspoint.console.client;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

/** {@link ConsoleApi} over {@code java.net.http}: REST with a bearer token, the event stream as a WebSocket. */
public final class HttpConsoleApi implements ConsoleApi {
    private static final Logger LOG = LoggerFactory.getLogger(HttpConsoleApi.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http;
    private final URI base;
    private volatile String token;

    /** @param base the appliance's address, e.g. {@code http://127.0.0.1:8080} (a path is ignored) */
    public HttpConsoleApi(HttpClient http, URI base) {
        this.http = http;
        this.base = base.resolve("/");
    }

    public static HttpConsoleApi create(URI base) {
        return new HttpConsoleApi(HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build(), base);
    }

    public URI base() {
        return base;
    }

    @Override
    public CompletableFuture<Login> login(String username, String password) {
        HttpRequest rq = request("/api/v1/auth/login")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ApiJson.write(Map.of("username", username, "password", password))))
                .build();
        return send(rq).thenApply(r -> {
            Login login = ApiJson.read(expect(r, 200).body(), Login.class);
            token = login.token();
            return login;
        });
    }

    @Override
    public CompletableFuture<Optional<ApplianceStatus>> status() {
        return send(authorized("/api/v1/status").GET().build()).thenApply(r -> r.statusCode() == 404
                ? Optional.<ApplianceStatus>empty()
                : Optional.of(ApiJson.read(expect(r, 200).body(), ApplianceStatus.class)));
    }

    @Override
    public CompletableFuture<Void> hangUp(long tenantId, String callId) {
        // URLEncoder is for forms: its '+' for a space would reach the appliance as a literal '+' in a path.
        String encoded = URLEncoder.encode(callId, StandardCharsets.UTF_8).replace("+", "%20");
        String path = "/api/v1/tenants/" + tenantId + "/calls/" + encoded;
        return send(authorized(path).DELETE().build()).thenAccept(r -> expect(r, 202));
    }

    @Override
    public CompletableFuture<List<CarrierQuality>> carrierQuality() {
        return send(authorized("/api/v1/carriers/quality").GET().build())
                .thenApply(r -> List.of(ApiJson.read(expect(r, 200).body(), CarrierQuality[].class)));
    }

    @Override
    public CompletableFuture<Void> setCarrierInService(long carrierId, boolean inService) {
        HttpRequest rq = authorized("/api/v1/carriers/" + carrierId)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(ApiJson.write(Map.of("inService", inService))))
                .build();
        return send(rq).thenAccept(r -> expect(r, 200));
    }

    @Override
    public CompletableFuture<List<Tenant>> tenants() {
        return send(authorized("/api/v1/tenants").GET().build())
                .thenApply(r -> List.of(ApiJson.read(expect(r, 200).body(), Tenant[].class)));
    }

    @Override
    public CompletableFuture<AcdBoard> acdBoard(long tenantId) {
        return send(authorized("/api/v1/tenants/" + tenantId + "/acd/board").GET().build())
                .thenApply(r -> ApiJson.read(expect(r, 200).body(), AcdBoard.class));
    }

    @Override
    public CompletableFuture<AcdAgent> setAgentStatus(long tenantId, long userId, String status, String reason) {
        Map<String, String> body = reason == null ? Map.of("status", status) : Map.of("status", status, "reason", reason);
        HttpRequest rq = authorized("/api/v1/tenants/" + tenantId + "/agents/" + userId)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(ApiJson.write(body)))
                .build();
        return send(rq).thenApply(r -> ApiJson.read(expect(r, 200).body(), AcdAgent.class));
    }

    @Override
    public CompletableFuture<Void> moveCaller(long tenantId, long queueId, long entryId, long toQueueId) {
        HttpRequest rq = authorized("/api/v1/tenants/" + tenantId + "/queues/" + queueId + "/waiting/" + entryId
                + "/move")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ApiJson.write(Map.of("toQueueId", toQueueId))))
                .build();
        return send(rq).thenApply(r -> {
            expect(r, 200);
            return null;
        });
    }

    @Override
    public CompletableFuture<EventSubscription> events(EventStreamListener listener) {
        URI ws = URI.create(base.toString().replaceFirst("^http", "ws")).resolve("/api/v1/events");
        FrameListener frames = new FrameListener(listener);
        return http.newWebSocketBuilder()
                .header("Authorization", "Bearer " + requireToken())
                .connectTimeout(CONNECT_TIMEOUT)
                .buildAsync(ws, frames)
                .handle((socket, failure) -> {
                    if (failure != null) {
                        throw translate(failure, ws);
                    }
                    return (EventSubscription) frames::close;
                });
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT);
    }

    private HttpRequest.Builder authorized(String path) {
        return request(path).header("Authorization", "Bearer " + requireToken());
    }

    private String requireToken() {
        String t = token;
        if (t == null) {
            throw new IllegalStateException("not logged in");
        }
        return t;
    }

    private CompletableFuture<HttpResponse<String>> send(HttpRequest rq) {
        return http.sendAsync(rq, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .handle((r, failure) -> {
                    if (failure != null) {
                        throw translate(failure, rq.uri());
                    }
                    return r;
                });
    }

    private static HttpResponse<String> expect(HttpResponse<String> r, int status) {
        if (r.statusCode() != status) {
            throw error(r.statusCode(), r.body());
        }
        return r;
    }

    private static ApiException error(int status, String body) {
        try {
            ErrorBody e = ApiJson.read(body, ErrorBody.class);
            return new ApiException(status, e.error(), e.field());
        } catch (IllegalArgumentException notJson) {
            return new ApiException(status, null, null);
        }
    }

    private static RuntimeException translate(Throwable failure, URI target) {
        Throwable t = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (t instanceof ApiException || t instanceof UnreachableException || t instanceof IllegalArgumentException) {
            return (RuntimeException) t;
        }
        if (t instanceof WebSocketHandshakeException h) {
            HttpResponse<?> r = h.getResponse();
            return error(r.statusCode(), r.body() instanceof String s ? s : "");
        }
        if (t instanceof IOException) {
            return new UnreachableException(target, t);
        }
        return new CompletionException(t);
    }

    /** The API's error body. */
    record ErrorBody(String error, String field) {
    }

    /** Joins partial text frames, parses each message, reports the end once. */
    private static final class FrameListener implements WebSocket.Listener {
        private final EventStreamListener listener;
        private final StringBuilder partial = new StringBuilder();
        private final AtomicBoolean ended = new AtomicBoolean();
        private volatile WebSocket socket;

        FrameListener(EventStreamListener listener) {
            this.listener = listener;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            socket = webSocket;
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                if (!ended.get()) {
                    try {
                        listener.onEvent(ApiJson.frame(text));
                    } catch (IllegalArgumentException e) {
                        // A frame we cannot read means our state may be wrong: start over with a fresh snapshot.
                        LOG.warn("unreadable event frame, reconnecting: {}", e.getMessage());
                        end(-1, "unreadable event frame: " + e.getMessage());
                        webSocket.abort();
                        return null;
                    }
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket webSocket, java.nio.ByteBuffer message) {
            // The JDK answers with the pong itself; we only note that the line is alive.
            if (!ended.get()) {
                listener.onPing();
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            end(statusCode, reason);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            end(-1, error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage());
        }

        private void end(int code, String reason) {
            if (ended.compareAndSet(false, true)) {
                listener.onClosed(code, reason);
            }
        }

        /** Local close: no callback for it. */
        void close() {
            ended.set(true);
            WebSocket s = socket;
            if (s != null) {
                s.sendClose(WebSocket.NORMAL_CLOSURE, "console closed").orTimeout(2, java.util.concurrent.TimeUnit.SECONDS)
                        .whenComplete((ws, failure) -> s.abort());
            }
        }
    }
}
