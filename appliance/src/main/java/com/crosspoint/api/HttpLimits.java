package com.crosspoint.api;

import java.time.Duration;

/**
 * What one client may hold of the HTTP server (issue 10, slow HTTP). A request body is read without
 * parking a thread, but a client that sends it slower than {@code minRequestDataRate} bytes per second
 * (after the first {@link #RATE_GRACE}) or not within {@code requestBodyTimeout} gets 408 and loses the
 * connection; connections beyond the caps are closed as soon as they are accepted.
 *
 * @param maxConnections          open connections of the whole server (WebSockets included)
 * @param maxConnectionsPerSource open connections from one IP address
 * @param idleTimeout             a connection that sends nothing for this long is closed
 * @param minRequestDataRate      bytes per second a request body must average
 * @param requestBodyTimeout      a request body must be complete within this time
 */
public record HttpLimits(int maxConnections, int maxConnectionsPerSource, Duration idleTimeout,
                         int minRequestDataRate, Duration requestBodyTimeout) {
    /** How long a body may take before its rate is judged: one round trip of a slow mobile link and then some. */
    static final Duration RATE_GRACE = Duration.ofSeconds(2);

    public HttpLimits {
        if (maxConnections < 1 || maxConnectionsPerSource < 1 || maxConnectionsPerSource > maxConnections) {
            throw new IllegalArgumentException("need 1 <= maxConnectionsPerSource <= maxConnections, got "
                    + maxConnectionsPerSource + " and " + maxConnections);
        }
        if (minRequestDataRate < 0 || idleTimeout.isNegative() || idleTimeout.isZero()
                || requestBodyTimeout.isNegative() || requestBodyTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive and the data rate not negative");
        }
    }

    /** The defaults of {@code config/crosspoint.yaml}. */
    public static HttpLimits defaults() {
        return new HttpLimits(2000, 64, Duration.ofSeconds(30), 512, Duration.ofSeconds(60));
    }
}
