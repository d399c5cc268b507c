package com.crosspoint.config;

/**
 * Environment variables that override a configuration key (above the node file). An empty
 * value counts as unset, so {@code CROSSPOINT_BIND= bin/crosspoint run} keeps the file's value.
 */
public enum EnvironmentVariable {
    ROLES("CROSSPOINT_ROLES", "node.roles"),
    DATA("CROSSPOINT_DATA", "data.dir"),
    BIND("CROSSPOINT_BIND", "network.bind"),
    ADVERTISED_ADDRESS("CROSSPOINT_ADVERTISED_ADDRESS", "network.advertisedAddress"),
    SIP_PORT("CROSSPOINT_SIP_PORT", "sip.port"),
    HTTP_PORT("CROSSPOINT_HTTP_PORT", "http.port"),
    TURN_PORT("CROSSPOINT_TURN_PORT", "turn.port"),
    ROUTER_PORT("CROSSPOINT_ROUTER_PORT", "router.port"),
    GATEWAY_PORT("CROSSPOINT_GATEWAY_PORT", "gateway.port"),
    ADMIN_PASSWORD("CROSSPOINT_ADMIN_PASSWORD", "admin.password"),
    DEMO_PASSWORD("CROSSPOINT_DEMO_PASSWORD", "demo.password"),
    DEMO_PIN("CROSSPOINT_DEMO_PIN", "demo.pin"),
    DEMO_CARRIERS("CROSSPOINT_DEMO_CARRIERS", "demo.carriers");

    private final String variable;
    private final String key;

    EnvironmentVariable(String variable, String key) {
        this.variable = variable;
        this.key = key;
    }

    /** The variable's name, e.g. {@code CROSSPOINT_SIP_PORT}. */
    public String variable() {
        return variable;
    }

    /** The dotted configuration key it sets, e.g. {@code sip.port}. */
    public String key() {
        return key;
    }
}
