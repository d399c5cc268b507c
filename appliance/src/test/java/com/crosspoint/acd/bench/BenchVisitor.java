package com.crosspoint.acd.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One website visitor on {@code /chat/ws}, as the widget is: it starts a chat in the queue, and once an agent
 * answered ({@code state active}) it says a stamped message each time {@link #tick} is called ({@link Deliveries});
 * before that it only pings, as the widget does to stay connected. Frames are read with plain string tests: a
 * thousand visitors' JSON parsing would be load on the two cores that the appliance needs.
 */
final class BenchVisitor extends WholeTexts {
    static final String ORIGIN = "https://shop.acdbench.example";

    private final int index;
    private final Deliveries deliveries;
    private final Problems problems;
    private volatile WebSocket socket;
    private volatile boolean active;
    private volatile boolean closed;
    private CompletableFuture<WebSocket> lastSend;
    private int said;

    private BenchVisitor(int index, Deliveries deliveries, Problems problems) {
        this.index = index;
        this.deliveries = deliveries;
        this.problems = problems;
    }

    /** Connects (with the site's Origin) and starts a chat in {@code queue}; the answer comes later. */
    static CompletableFuture<BenchVisitor> open(HttpClient http, int httpPort, String tenantDomain, String queue,
                                                int index, Deliveries deliveries, Problems problems) {
        BenchVisitor v = new BenchVisitor(index, deliveries, problems);
        URI uri = URI.create("ws://127.0.0.1:" + httpPort + "/chat/ws?tenant=" + tenantDomain);
        return http.newWebSocketBuilder().header("Origin", ORIGIN).buildAsync(uri, v).thenCompose(ws -> {
            v.socket = ws;
            synchronized (v) {
                v.lastSend = ws.sendText("{\"type\":\"start\",\"queue\":\"" + queue + "\",\"name\":\"Visitor " + index
                        + "\",\"page\":\"" + ORIGIN + "/cart\"}", true);
                return v.lastSend;
            }
        }).thenApply(ws -> v);
    }

    boolean active() {
        return active;
    }

    boolean closed() {
        return closed;
    }

    /** One beat of this visitor: a stamped message once answered, a ping before; nothing once closed. */
    void tick(boolean talk) {
        if (closed) {
            return;
        }
        if (active && talk) {
            send("{\"type\":\"say\",\"text\":\"" + deliveries.text(index, ++said) + "\"}");
        } else {
            send("{\"type\":\"ping\"}");
        }
    }

    /** Ends the chat as the visitor's "end" button does. */
    void end() {
        if (!closed) {
            send("{\"type\":\"end\"}");
        }
    }

    private synchronized void send(String frame) {
        // java.net.http allows one outstanding send per socket: chain each on the one before
        lastSend = lastSend.thenCompose(ws -> ws.sendText(frame, true)).exceptionally(t -> {
            problems.count("visitor send " + t.getClass().getSimpleName());
            return socket;
        });
    }

    @Override
    void onMessage(String frame) {
        if (frame.contains("\"type\":\"state\"") && frame.contains("\"state\":\"active\"")) {
            active = true;
        } else if (frame.contains("\"type\":\"error\"") || frame.contains("\"state\":\"ended\"")) {
            problems.count("visitor got " + frame.substring(0, Math.min(80, frame.length())));
        }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed = true;
        problems.count("visitor closed " + statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed = true;
        problems.count("visitor " + error.getClass().getSimpleName());
    }
}
