package com.crosspoint.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A chat visitor over a real WebSocket to {@code /chat/ws} (java.net.http), with the Origin a page would send;
 * keeps every frame it receives and how the connection closed.
 */
public final class ChatVisitorClient extends JsonFrames implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

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

    public List<JsonNode> frames(String type) {
        return frames().stream().filter(f -> type.equals(f.path("type").asText())).toList();
    }

    /** The texts of the line frames received, in order. */
    public List<String> lineTexts() {
        return frames("line").stream().map(f -> f.get("text").asText()).toList();
    }

    public String token() {
        return frames("started").get(0).get("token").asText();
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
