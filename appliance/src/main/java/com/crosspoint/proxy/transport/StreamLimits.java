package com.crosspoint.proxy.transport;

import java.time.Duration;

/**
 * Limits on stream connections.
 *
 * @param maxConnections     open connections, inbound and outbound; a new one beyond it is closed at once
 * @param maxMessageBytes    one framed message; a longer one breaks the connection
 * @param maxPendingBytes    bytes queued for a peer that does not read; beyond it the connection is closed
 * @param idleTimeout        a connection without traffic for this long is closed
 */
public record StreamLimits(int maxConnections, int maxMessageBytes, int maxPendingBytes, Duration idleTimeout) {
    public static final StreamLimits DEFAULT = new StreamLimits(10_000, 65_535, 1 << 20, Duration.ofMinutes(5));

    public StreamLimits {
        if (maxConnections < 1 || maxMessageBytes < 256 || maxPendingBytes < maxMessageBytes || idleTimeout.isNegative()) {
            throw new IllegalArgumentException("bad stream limits");
        }
    }
}
