package com.crosspoint.boot;

import com.crosspoint.cli.BackupCommand;
import com.crosspoint.cli.BillingCommand;
import com.crosspoint.cli.CallsCommand;
import com.crosspoint.cli.ConnectionOptions;
import com.crosspoint.cli.DeviceCommand;
import com.crosspoint.cli.HangupCommand;
import com.crosspoint.cli.RegistrationsCommand;
import com.crosspoint.cli.RestoreCommand;
import com.crosspoint.cli.TenantCommand;
import com.crosspoint.cli.UserCommand;
import com.crosspoint.config.ConfigException;
import com.crosspoint.config.ConfigLoader;
import com.crosspoint.config.CrosspointConfig;
import com.crosspoint.store.derby.DerbyBackup;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bin/crosspoint}: {@code run} starts the appliance; the other commands administer a running
 * one over its API (global options before the command, e.g. {@code crosspoint --tenant acme.example.com user list}).
 */
@Command(name = "crosspoint", mixinStandardHelpOptions = true, version = "Crosspoint 0.1",
        description = "Crosspoint unified-communications appliance.",
        footer = {"", "Admin commands exit with 0 when done, 1 when the appliance refused or could not be reached, "
                + "2 on wrong usage. See docs/admin-cli.md."},
        subcommands = {Main.Run.class, TenantCommand.class, UserCommand.class, DeviceCommand.class,
            RegistrationsCommand.class, CallsCommand.class, HangupCommand.class, BillingCommand.class, BackupCommand.class,
            InitCommand.class})
public final class Main implements Runnable {
    @Mixin
    ConnectionOptions connection;

    public static void main(String[] args) {
        int code = commandLine().execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** The command line with every command; restore gets the Derby store to open what it restores. */
    static CommandLine commandLine() {
        return new CommandLine(new Main()).addSubcommand(new RestoreCommand(DerbyBackup::summary));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    @Command(name = "run", mixinStandardHelpOptions = true, description = "Start the appliance in the foreground.")
    static final class Run implements java.util.concurrent.Callable<Integer> {
        @Option(names = "--config", paramLabel = "FILE", description = "This node's configuration file (overrides config/crosspoint.yaml).")
        Path config;

        @Option(names = "--demo", description = "Create a demo tenant with extensions on first start.")
        boolean demo;

        @Override
        public Integer call() throws InterruptedException {
            CrosspointConfig cfg;
            try {
                cfg = ConfigLoader.fromSystemEnvironment().load(Optional.ofNullable(config),
                        demo ? Map.of("demo.enabled", "true") : Map.of());
            } catch (ConfigException e) {
                System.err.println("crosspoint: configuration error: " + e.getMessage());
                return 2;
            }
            Appliance appliance = Appliance.start(cfg);
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                appliance.close();
                stopped.countDown();
            }, "shutdown"));
            Banner.print(System.out, appliance);
            stopped.await();
            return 0;
        }
    }
}
