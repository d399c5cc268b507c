package com.crosspoint.config;

/**
 * @param port HTTP port of the web interface and API; 0 = ephemeral ({@code http.port})
 * @param bind IP literal to listen on, already resolved to {@code network.bind} when left empty ({@code http.bind})
 * @param limits what one client may hold of the server
 * @param accountFailureLimit      failed logins of one account before it backs off ({@code http.login.accountFailureLimit})
 * @param accountBackoffSeconds    its first back-off, doubled per further failure ({@code http.login.accountBackoffSeconds})
 * @param accountMaxBackoffSeconds the longest back-off ({@code http.login.accountMaxBackoffSeconds})
 */
public record HttpConfig(int port, String bind, HttpLimitsConfig limits, int accountFailureLimit,
                         int accountBackoffSeconds, int accountMaxBackoffSeconds) {
}
