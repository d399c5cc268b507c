package com.crosspoint.acd.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One agent as the dashboard's agent view is: logged in with extension and web password (session cookie and
 * CSRF token), chats switched on ({@code PUT /me/chats/availability}), the event stream open; it accepts every
 * {@code chat.offered} at once and hands every visitor line of {@code chat.line} to {@link Deliveries}.
 */
final class BenchAgent extends WholeTexts {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String base;
    private final String session;
    private final String csrf;
    private final Deliveries deliveries;
    private final AtomicInteger accepted;
    private final Problems problems;
    private WebSocket stream;

    private BenchAgent(HttpClient http, String base, String session, String csrf, Deliveries deliveries,
                       AtomicInteger accepted, Problems problems) {
        this.http = http;
        this.base = base;
        this.session = session;
        this.csrf = csrf;
        this.deliveries = deliveries;
        this.accepted = accepted;
        this.problems = problems;
    }

    static BenchAgent login(HttpClient http, int httpPort, String domain, String extension, String password,
                            Deliveries deliveries, AtomicInteger accepted, Problems problems) throws Exception {
        String base = "http://127.0.0.1:" + httpPort;
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/web/login"))
                .header("Content-Type", "application/json").header("Origin", base)
                .POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"user\",\"extension\":\"" + extension
                        + "\",\"password\":\"" + password + "\",\"domain\":\"" + domain + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("agent " + extension + " login: " + r.statusCode() + " " + r.body());
        }
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        BenchAgent a = new BenchAgent(http, base, cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';')),
                JSON.readTree(r.body()).get("csrfToken").asText(), deliveries, accepted, problems);
        a.stream = http.newWebSocketBuilder().header("Cookie", "crosspoint_session=" + a.session)
                .header("Origin", base).buildAsync(URI.create(base.replace("http://", "ws://") + "/api/v1/events"), a)
                .get(10, TimeUnit.SECONDS);
        a.call("PUT", "/api/v1/me/chats/availability", "{\"available\":true}");
        return a;
    }

    /** Switches chats off (the contact center logs the agent out) and closes the stream. */
    void leave() {
        try {
            call("PUT", "/api/v1/me/chats/availability", "{\"available\":false}");
        } catch (RuntimeException e) {
            problems.count("agent leaving: " + e.getMessage());
        }
        stream.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS).exceptionally(t -> null)
                .join();
    }

    private void call(String method, String path, String body) {
        try {
            HttpResponse<String> r = http.send(request(method, path, body), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException(method + " " + path + ": " + r.statusCode() + " " + r.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest request(String method, String path, String body) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Cookie", "crosspoint_session=" + session).header("Origin", base)
                .header("X-CSRF-Token", csrf).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private void accept(long chatId) {
        http.sendAsync(request("POST", "/api/v1/me/chats/" + chatId + "/accept", null),
                HttpResponse.BodyHandlers.discarding()).whenComplete((r, t) -> {
                    if (t == null && r.statusCode() == 200) {
                        accepted.incrementAndGet();
                    } else {
                        problems.count("accept " + (t == null ? "HTTP " + r.statusCode() : t.getClass().getSimpleName()));
                    }
                });
    }

    @Override
    void onMessage(String text) {
        try {
            onFrame(JSON.readTree(text));
        } catch (IOException e) {
            problems.count("agent stream: unreadable frame");
        }
    }

    private void onFrame(JsonNode frame) {
        switch (frame.path("type").asText()) {
            case "chat.offered" -> accept(frame.path("chat").path("id").asLong());
            case "chat.withdrawn", "chat.ended" -> problems.count(frame.path("type").asText() + " (agent)");
            case "chat.line" -> {
                JsonNode line = frame.path("line");
                if ("visitor".equals(line.path("from").asText())) {
                    deliveries.arrived(line.path("text").asText());
                }
            }
            default -> {
            }
        }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        problems.count("agent stream closed " + statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        problems.count("agent stream " + error.getClass().getSimpleName());
    }
}
