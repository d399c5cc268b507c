package com.crosspoint.cli;

import com.crosspoint.backup.BackupException;
import com.crosspoint.config.ConfigException;
import com.crosspoint.config.ConfigLoader;
import com.crosspoint.config.CrosspointConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A command on this machine's node rather than over the API: it finds the data directory in the
 * node's configuration. Exit codes: 0 done, 1 failed (message on stderr), 2 wrong usage or a bad
 * configuration.
 */
abstract class NodeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "${env:CROSSPOINT_CONFIG}",
            description = "The node's configuration file, as given to 'crosspoint run' (env CROSSPOINT_CONFIG; "
                    + "the package sets /etc/crosspoint/crosspoint.yaml).")
    Path config;

    @Override
    public final Integer call() {
        CrosspointConfig cfg;
        try {
            cfg = ConfigLoader.fromSystemEnvironment().load(Optional.ofNullable(config));
        } catch (ConfigException e) {
            err().println("crosspoint: configuration error: " + e.getMessage());
            return 2;
        }
        try {
            run(cfg.data().dir());
            out().flush();
            return 0;
        } catch (BackupException e) {
            err().println("crosspoint: " + e.getMessage());
            err().flush();
            return 1;
        }
    }

    /** What the command does with the node's data directory; failures are {@link BackupException}s. */
    protected abstract void run(Path dataDir);

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
