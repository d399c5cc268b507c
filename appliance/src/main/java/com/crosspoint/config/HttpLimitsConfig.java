package com.crosspoint.config;

/**
 * What one HTTP client may hold (issue 10, slow HTTP); see {@code http.*} in {@code config/crosspoint.yaml}.
 *
 * @param maxConnections            open connections of the whole HTTP server ({@code http.maxConnections})
 * @param maxConnectionsPerSource   open connections from one IP address ({@code http.maxConnectionsPerSource})
 * @param idleTimeoutSeconds        a silent connection is closed after this ({@code http.idleTimeoutSeconds})
 * @param minRequestDataRate        bytes per second a request body must average ({@code http.minRequestDataRate})
 * @param requestBodyTimeoutSeconds a request body must be complete within this ({@code http.requestBodyTimeoutSeconds})
 * @param maxEventStreamsPerLogin   event-stream WebSockets one login may hold ({@code http.maxEventStreamsPerLogin})
 */
public record HttpLimitsConfig(int maxConnections, int maxConnectionsPerSource, int idleTimeoutSeconds,
                               int minRequestDataRate, int requestBodyTimeoutSeconds, int maxEventStreamsPerLogin) {
}
