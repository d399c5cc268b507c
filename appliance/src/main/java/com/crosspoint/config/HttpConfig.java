package com.crosspoint.config;

/**
 * @param port HTTP port of the web interface and API; 0 = ephemeral ({@code http.port})
 * @param bind IP literal to listen on, already resolved to {@code network.bind} when left empty ({@code http.bind})
 * @param limits what one client may hold of the server
 */
public record HttpConfig(int port, String bind, HttpLimitsConfig limits) {
}
