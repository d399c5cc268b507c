package com.crosspoint.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A chat visitor over a real WebSocket to {@code /chat/ws} (java.net.http), with the Origin a page would send;
 * keeps every frame it receives and how the connection closed.
 */
public final class ChatVisitorClient implements WebSocket.Listener, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private volatile String closeReason;
    private WebSocket socket;

    /** Opens {@code /chat/ws?tenant=DOMAIN} with {@code origin} (null: no Origin header). */
    public static ChatVisitorClient connect(String baseUrl, String tenantDomain, String origin) throws Exception {
        ChatVisitorClient c = new ChatVisitorClient();
        WebSocket.Builder b = HTTP.newWebSocketBuilder();
        if (origin != null) {
            b.header("Origin", origin);
        }
        URI uri = URI.create(baseUrl.replace("http://", "ws://") + "/chat/ws?tenant=" + tenantDomain);
        c.socket = b.buildAsync(uri, c).get(10, TimeUnit.SECONDS);
        return c;
    }

    /** Sends {"type":"start", ...} for queue with this name. */
    public ChatVisitorClient start(String queue, String name) {
        ObjectNode f = JSON.createObjectNode().put("type", "start").put("queue", queue).put("name", name)
                .put("page", "https://shop.example/");
        return send(f.toString());
    }

    public ChatVisitorClient say(String text) {
        return send(JSON.createObjectNode().put("type", "say").put("text", text).toString());
    }

    public ChatVisitorClient resume(String token, long after) {
        return send(JSON.createObjectNode().put("type", "resume").put("token", token).put("after", after).toString());
    }

    public ChatVisitorClient send(String text) {
        socket.sendText(text, true).join();
        return this;
    }

    public WebSocket socket() {
        return socket;
    }

    public List<JsonNode> frames() {
        return frames;
    }

    public List<JsonNode> frames(String type) {
        return frames.stream().filter(f -> type.equals(f.path("type").asText())).toList();
    }

    /** The texts of the line frames received, in order. */
    public List<String> lineTexts() {
        return frames("line").stream().map(f -> f.get("text").asText()).toList();
    }

    public String token() {
        return frames("started").get(0).get("token").asText();
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

    /** Drops the connection without a close handshake, as a lost network does. */
    public void abort() {
        socket.abort();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS)
                    .exceptionally(t -> null).join();
        }
        socket.abort();
    }
}
