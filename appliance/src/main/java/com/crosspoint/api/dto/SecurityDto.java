package com.crosspoint.api.dto;

/**
 * Counters of the web API's defences since the node started (docs/security.md, "Web API and dashboards").
 *
 * @param refusedConnections  connections closed at once: their address had {@code http.maxConnectionsPerSource} open
 * @param slowRequests        request bodies cut off with 408 (too slow or too long)
 * @param refusedEventStreams event-stream upgrades refused: the login held {@code http.maxEventStreamsPerLogin}
 */
public record SecurityDto(long refusedConnections, long slowRequests, long refusedEventStreams) {
}
