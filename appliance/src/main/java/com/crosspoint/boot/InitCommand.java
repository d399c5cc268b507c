package com.crosspoint.boot;

import com.crosspoint.auth.PasswordHasher;
import com.crosspoint.config.ConfigException;
import com.crosspoint.config.ConfigLoader;
import com.crosspoint.config.CrosspointConfig;
import com.crosspoint.model.Role;
import com.crosspoint.store.derby.DerbyStores;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code crosspoint init}: what a package installer runs before the service first starts. It
 * creates (or migrates) the database and creates the admin account with a password read from
 * standard input, so that the service never generates one and never prints one into the journal.
 */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Prepare the data directory: create or migrate the database and, when the admin account "
                + "(admin.username) does not exist yet, create it with the password read from the first line of "
                + "standard input. Prints nothing secret. For installers; run it as the service's user."})
final class InitCommand implements Callable<Integer> {
    private static final int MIN_PASSWORD = 8;

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "${env:CROSSPOINT_CONFIG}",
            description = "The node's configuration file (env CROSSPOINT_CONFIG).")
    Path config;

    @Override
    public Integer call() throws IOException {
        CrosspointConfig cfg;
        try {
            cfg = ConfigLoader.fromSystemEnvironment().load(Optional.ofNullable(config));
        } catch (ConfigException e) {
            System.err.println("crosspoint: configuration error: " + e.getMessage());
            return 2;
        }
        String username = cfg.admin().username();
        try (DerbyStores stores = DerbyStores.open(cfg.data().dir())) {
            if (stores.admins().findByUsername(username).isPresent()) {
                System.out.println("database ready in " + cfg.data().dir() + "; admin account " + username
                        + " exists (password unchanged)");
                return 0;
            }
            String password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (password == null || password.strip().length() < MIN_PASSWORD) {
                System.err.println("crosspoint: init needs the admin password (at least " + MIN_PASSWORD
                        + " characters) on standard input");
                return 2;
            }
            stores.admins().create(username, PasswordHasher.hash(password.strip()), Role.SUPERADMIN, null);
            System.out.println("database ready in " + cfg.data().dir() + "; admin account " + username + " created");
            return 0;
        }
    }
}
