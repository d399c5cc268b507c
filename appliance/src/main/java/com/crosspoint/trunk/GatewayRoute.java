package com.crosspoint.trunk;

import java.util.Objects;

/** Numbers starting with {@code prefix} (E.164, "+1212") leave through {@code gateway} instead of the call routers. */
public record GatewayRoute(String prefix, TrunkTarget gateway) {
    public GatewayRoute {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(gateway, "gateway");
        if (!prefix.matches("\\+[0-9]{1,15}")) {
            throw new IllegalArgumentException("a gateway prefix is + and digits: " + prefix);
        }
    }

    /** {@code +prefix=host:port[;transport=…]}, as config lists it. */
    public static GatewayRoute parse(String text) {
        int eq = text.indexOf('=');
        if (eq < 0) {
            throw new IllegalArgumentException("not +prefix=host:port: \"" + text + "\"");
        }
        return new GatewayRoute(text.substring(0, eq).trim(), TrunkTarget.parse(text.substring(eq + 1)));
    }
}
