package com.crosspoint.bench;

import com.crosspoint.store.Stores;
import com.crosspoint.store.derby.DerbyStores;
import com.crosspoint.testing.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Crosspoint started out of process the way an operator starts it ({@code java -cp classes:lib/* ...Main run}
 * with {@code CROSSPOINT_*} variables), on a data directory provisioned beforehand, so the benchmark JVM's
 * own work (SIPp supervision, CSV parsing) never competes inside the measured JVM.
 */
final class ApplianceTarget implements BenchTarget {
    private static final String READY = "Crosspoint is running";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    /** Non-INVITE server transactions linger 64*T1 = 32 s (Timer J) in JAIN-SIP: let them go between steps. */
    private static final Duration COOLDOWN = Duration.ofSeconds(35);

    private final Process process;
    private final int sipPort;
    private final Path dataDir;
    private final Path log;
    private final BenchAccounts accounts = BenchAccounts.appliance();

    private ApplianceTarget(Process process, int sipPort, Path dataDir, Path log) {
        this.process = process;
        this.sipPort = sipPort;
        this.dataDir = dataDir;
        this.log = log;
    }

    /**
     * Provisions {@code users} load users into {@code workDir/data}, then starts the appliance on free ports.
     *
     * @param repoRoot   the checkout, holding {@code appliance/target/classes} and {@code appliance/target/lib}
     * @param jvmOptions extra JVM options for the appliance, e.g. a flight recording
     * @param nodeConfig a node configuration file ({@code --config}), or null
     */
    static ApplianceTarget start(Path repoRoot, Path workDir, int users, List<String> jvmOptions, Path nodeConfig) {
        Path classes = repoRoot.resolve("appliance/target/classes");
        Path lib = repoRoot.resolve("appliance/target/lib");
        if (!Files.isDirectory(classes) || !Files.isDirectory(lib)) {
            throw new IllegalStateException("no " + classes + " or " + lib + ": run 'mvn -DskipTests package' first");
        }
        Path dataDir = workDir.resolve("data");
        long started = System.nanoTime();
        BenchProvisioning.provision(dataDir, users, BenchAccounts.appliance());
        System.out.printf("provisioned %d users in %.1f s%n", users, (System.nanoTime() - started) / 1e9);

        int sipPort = FreePorts.udpAndTcp();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classes + ":" + lib + "/*", "com.crosspoint.boot.Main", "run"));
        if (nodeConfig != null) {
            command.addAll(List.of("--config", nodeConfig.toAbsolutePath().toString()));
        }
        Path log = workDir.resolve("appliance.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().putAll(Map.of(
                "CROSSPOINT_DATA", dataDir.toString(),
                "CROSSPOINT_SIP_PORT", Integer.toString(sipPort),
                "CROSSPOINT_HTTP_PORT", Integer.toString(FreePorts.udpAndTcp()),
                "CROSSPOINT_TURN_PORT", "0",
                "CROSSPOINT_BIND", "127.0.0.1",
                "CROSSPOINT_ADMIN_PASSWORD", "bench-admin-secret"));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the appliance: " + command, e);
        }
        ApplianceTarget target = new ApplianceTarget(process, sipPort, dataDir, log);
        try {
            target.awaitReady();
        } catch (RuntimeException e) {
            target.close();
            throw e;
        }
        System.out.println("appliance pid " + process.pid() + " on SIP 127.0.0.1:" + sipPort + ", log " + log);
        return target;
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (logText().contains(READY)) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("appliance exited with " + process.exitValue() + "; see " + log);
            }
            Pause.of(Duration.ofMillis(200));
        }
        throw new IllegalStateException("appliance not ready within " + START_TIMEOUT + "; see " + log);
    }

    private String logText() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + log, e);
        }
    }

    long pid() {
        return process.pid();
    }

    @Override
    public String name() {
        return "Crosspoint";
    }

    @Override
    public int sipPort() {
        return sipPort;
    }

    @Override
    public BenchAccounts accounts() {
        return accounts;
    }

    @Override
    public double cpuSeconds() {
        return ProcessCpu.treeSeconds(process.pid());
    }

    @Override
    public Duration cooldown() {
        return COOLDOWN;
    }

    /** Bindings in the stopped appliance's database: proves the REGISTER runs reached distinct users. */
    int storedBindings() {
        if (process.isAlive()) {
            throw new IllegalStateException("stop the appliance before opening its database");
        }
        try (Stores stores = DerbyStores.open(dataDir)) {
            return stores.bindings().listAll().size();
        }
    }

    /** SIGTERM (the appliance's shutdown hook closes it cleanly), SIGKILL after a grace period. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted while stopping the appliance", e);
        }
    }
}
