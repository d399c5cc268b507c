package com.crosspoint.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A java.net.http WebSocket client of the event stream ({@code /api/v1/events}) that keeps every frame it receives. */
public final class EventClient implements WebSocket.Listener, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private volatile String closeReason;
    private WebSocket socket;

    public static EventClient connect(String baseUrl, String query, String bearer) throws Exception {
        EventClient c = new EventClient();
        WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder();
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        URI uri = URI.create(baseUrl.replace("http://", "ws://") + "/api/v1/events" + (query == null ? "" : "?" + query));
        c.socket = b.buildAsync(uri, c).get(10, TimeUnit.SECONDS);
        return c;
    }

    /** Connects with the given handshake headers (a browser's Cookie and Origin). */
    public static EventClient connect(String baseUrl, java.util.Map<String, String> headers) throws Exception {
        EventClient c = new EventClient();
        WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder();
        headers.forEach(b::header);
        c.socket = b.buildAsync(URI.create(baseUrl.replace("http://", "ws://") + "/api/v1/events"), c)
                .get(10, TimeUnit.SECONDS);
        return c;
    }

    public List<JsonNode> frames() {
        return frames;
    }

    public List<String> types() {
        return frames.stream().map(f -> f.get("type").asText()).toList();
    }

    public CompletableFuture<Integer> closed() {
        return closed;
    }

    public String closeReason() {
        return closeReason;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                frames.add(JSON.readTree(partial.toString()));
            } catch (java.io.IOException e) {
                throw new IllegalStateException("not JSON: " + partial, e);
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
        webSocket.request(1);
        return WebSocket.Listener.super.onPing(webSocket, message);
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeReason = reason;
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }

    /** Drops the connection without a closing handshake (the appliance may already be gone). */
    public void abort() {
        socket.abort();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
        }
    }
}
