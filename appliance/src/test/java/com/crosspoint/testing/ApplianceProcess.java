package com.crosspoint.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The appliance as its own OS process, started the way {@code bin/crosspoint run} starts it (the
 * packaged classes and {@code target/lib}), so a test can {@code kill -9} it and start it again
 * on the same data directory.
 */
public final class ApplianceProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final ExternalProcess process;
    private final int sipPort;
    private final int httpPort;

    private ApplianceProcess(ExternalProcess process, int sipPort, int httpPort) {
        this.process = process;
        this.sipPort = sipPort;
        this.httpPort = httpPort;
    }

    /** Starts with {@code --demo} on the given data directory and waits until it serves. */
    public static ApplianceProcess start(Path dataDir, int sipPort, int httpPort, Map<String, String> env) {
        return start(Path.of("target"), dataDir, sipPort, httpPort, env);
    }

    /**
     * As {@link #start(Path, int, int, Map)}, with the appliance module's build directory given
     * explicitly (its {@code classes} and {@code lib}): for tests of other modules, whose working
     * directory is their own module, e.g. {@code ../appliance/target}.
     */
    public static ApplianceProcess start(Path applianceTarget, Path dataDir, int sipPort, int httpPort,
                                         Map<String, String> env) {
        return start(applianceTarget, dataDir, sipPort, httpPort, env, List.of(), "127.0.0.1", List.of());
    }

    /** As {@link #start(Path, int, int, Map)}, with {@code runArgs} after {@code run --demo}, e.g. {@code --config FILE}. */
    public static ApplianceProcess start(Path dataDir, int sipPort, int httpPort, Map<String, String> env,
                                         List<String> runArgs) {
        return start(Path.of("target"), dataDir, sipPort, httpPort, env, List.of(), "127.0.0.1", runArgs);
    }

    /**
     * As {@link #start(Path, Path, int, int, Map)} with {@code runArgs} after {@code run --demo} and {@code prefix}
     * before the command (e.g. {@code nice -n -10}): a benchmark run from the repository root
     * ({@code appliance/target}) with its own node configuration.
     */
    public static ApplianceProcess start(Path applianceTarget, Path dataDir, int sipPort, int httpPort,
                                         Map<String, String> env, List<String> prefix, List<String> runArgs) {
        return start(applianceTarget, dataDir, sipPort, httpPort, env, prefix, "127.0.0.1", runArgs);
    }

    /**
     * As {@link #start(Path, int, int, Map)}, inside network namespace {@code namespace} ({@code ip netns exec}, as
     * root), bound to {@code bindAddress} there: the NAT lab's server ({@link NatLab}). Its ports are reached from
     * this JVM only through a {@link NamespacePortForward}. {@code runArgs} follow {@code run --demo}, e.g.
     * {@code --config FILE}.
     */
    public static ApplianceProcess startInNamespace(String namespace, String bindAddress, Path dataDir, int sipPort,
                                                    int httpPort, Map<String, String> env, List<String> runArgs) {
        return start(Path.of("target"), dataDir, sipPort, httpPort, env, List.of("ip", "netns", "exec", namespace),
                bindAddress, runArgs);
    }

    private static ApplianceProcess start(Path applianceTarget, Path dataDir, int sipPort, int httpPort,
                                          Map<String, String> env, List<String> prefix, String bindAddress,
                                          List<String> runArgs) {
        Path target = applianceTarget.toAbsolutePath().normalize();
        if (!Files.isDirectory(target.resolve("lib"))) {
            throw new IllegalStateException(target.resolve("lib")
                    + " missing: run through `mvn verify` (package copies the runtime libraries)");
        }
        List<String> command = new ArrayList<>(prefix);
        command.add("env");
        command.add("CROSSPOINT_DATA=" + dataDir);
        command.add("CROSSPOINT_BIND=" + bindAddress);
        command.add("CROSSPOINT_SIP_PORT=" + sipPort);
        command.add("CROSSPOINT_HTTP_PORT=" + httpPort);
        command.add("CROSSPOINT_TURN_PORT=0");
        command.add("CROSSPOINT_ROUTER_PORT=0");
        command.add("CROSSPOINT_DEMO_CARRIERS=false"); // a test that wants them says so in env (the last one counts)
        env.forEach((k, v) -> command.add(k + "=" + v));
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(target.resolve("classes") + File.pathSeparator + target.resolve("lib") + File.separator + "*");
        command.add("com.crosspoint.boot.Main");
        command.add("run");
        command.add("--demo");
        command.addAll(runArgs);
        CountDownLatch ready = new CountDownLatch(1);
        ExternalProcess p = ExternalProcess.start("appliance", command, dataDir.getParent(),
                HarnessFiles.logDir("appliance").resolve("appliance.log"), false, line -> {
                    if (line.startsWith("Crosspoint is running")) {
                        ready.countDown();
                    }
                });
        try {
            if (!ready.await(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                p.kill();
                throw new IllegalStateException("appliance did not start: " + p.outputTail(4000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.kill();
            throw new IllegalStateException("interrupted while starting the appliance", e);
        }
        return new ApplianceProcess(p, sipPort, httpPort);
    }

    /** The appliance JVM's process id (the {@code env} and {@code nice} launchers exec it, so it keeps the id). */
    public long pid() {
        return process.pid();
    }

    public int sipPort() {
        return sipPort;
    }

    public int httpPort() {
        return httpPort;
    }

    public String output() {
        return process.output();
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed that was not already committed. */
    public void killHard() {
        process.kill();
        process.waitFor(Duration.ofSeconds(10));
    }

    @Override
    public void close() {
        process.terminate(Duration.ofSeconds(10));
    }
}
