package com.crosspoint.cli;

import picocli.CommandLine.Option;

/**
 * Where the admin commands find the appliance and how they log in. Global: given before the
 * command ({@code crosspoint --url URL user list}), or through the environment.
 */
public final class ConnectionOptions {
    @Option(names = "--url", paramLabel = "URL", defaultValue = "${env:CROSSPOINT_URL:-http://127.0.0.1:8080}",
            description = "Base URL of the appliance's API (env CROSSPOINT_URL; default: ${DEFAULT-VALUE}).")
    String url;

    @Option(names = "--user", paramLabel = "NAME", defaultValue = "${env:CROSSPOINT_ADMIN_USER:-admin}",
            description = "Admin account (env CROSSPOINT_ADMIN_USER; default: ${DEFAULT-VALUE}).")
    String user;

    @Option(names = "--password", paramLabel = "PASSWORD", defaultValue = "${env:CROSSPOINT_ADMIN_PASSWORD}",
            description = "Password of the admin account (env CROSSPOINT_ADMIN_PASSWORD; prefer the variable: "
                    + "arguments show in the process list).")
    String password;

    @Option(names = "--tenant", paramLabel = "TENANT",
            description = "Tenant by domain or id (default: the only, or else the oldest, tenant).")
    String tenant;
}
