package com.crosspoint.config;

/**
 * @param port HTTP port of the web interface and API; 0 = ephemeral ({@code http.port})
 * @param bind IP literal to listen on, already resolved to {@code network.bind} when left empty ({@code http.bind})
 */
public record HttpConfig(int port, String bind) {
}
