package com.crosspoint.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.TimeUnit;

/** A java.net.http WebSocket client of the event stream ({@code /api/v1/events}) that keeps every frame it receives. */
public final class EventClient extends JsonFrames implements AutoCloseable {
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
