package com.crosspoint.config;

/** How passwords appear when a configuration is printed. */
final class Secrets {

    private Secrets() {
    }

    /** "" stays visible so an operator can tell "unset" from "set". */
    static String mask(String secret) {
        return secret.isEmpty() ? "" : "******";
    }
}
