package com.crosspoint.console.client;

/** Receives one event-stream connection's frames, in order, on the WebSocket's thread. */
public interface EventStreamListener {

    void onEvent(StreamEvent event);

    /** The appliance's keep-alive ping arrived (every 30 s by default); the pong goes back by itself. */
    default void onPing() {
    }

    /**
     * The connection ended: closed by the appliance (code and reason as sent, e.g. 1013 on overflow)
     * or failed (code -1, the cause's message). Called once per connection.
     */
    void onClosed(int code, String reason);
}
