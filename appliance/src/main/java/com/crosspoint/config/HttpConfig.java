package com.crosspoint.config;

/**
 * @param port HTTP port of the web interface and API; 0 = ephemeral ({@code http.port})
 * @param bind IP literal to listen on, already resolved to {@code network.bind} when left empty ({@code http.bind})
 * @param limits what one client may hold of the server
 * @param account the per-account login budget ({@code http.login.account.*}), shaped like {@code sip.auth.account.*}
 * @param metricsToken a bearer token that may read {@code /metrics} without a login ({@code http.metricsToken});
 *                     empty when only admin logins may
 */
public record HttpConfig(int port, String bind, HttpLimitsConfig limits, SipAuthConfig.AccountBudget account,
                         java.util.Optional<String> metricsToken) {
}
