package com.crosspoint.installer;

import com.crosspoint.testing.ExternalProcess;
import com.crosspoint.testing.HarnessFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * crosspoint.service started as systemd would, where there is no systemd: its exact ExecStart, as
 * its User and Group, in its WorkingDirectory, with the environment systemd gives a service
 * (PATH, HOME, USER, LOGNAME, SHELL) plus its Environment= and EnvironmentFile= settings, inside
 * the Debian root the package was installed into. Stopped with SIGTERM, as systemctl stop does.
 */
final class PackagedService implements AutoCloseable {
    static final String UNIT = "/lib/systemd/system/crosspoint.service";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final String SYSTEMD_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private final ExternalProcess process;

    private PackagedService(ExternalProcess process) {
        this.process = process;
    }

    static PackagedService start(DebianRoot root) {
        ServiceUnit unit = ServiceUnit.parse(read(root.file(UNIT)));
        List<String> command = new ArrayList<>(List.of("chroot", "--userspec=" + unit.user() + ":" + unit.group(),
                root.directory().toString(), "/usr/bin/env", "-C", unit.workingDirectory(), "-i"));
        environment(root, unit).forEach((k, v) -> command.add(k + "=" + v));
        command.addAll(unit.execStart());
        CountDownLatch ready = new CountDownLatch(1);
        ExternalProcess p = ExternalProcess.start("crosspoint.service", command, root.directory(),
                HarnessFiles.logDir("crosspoint-service").resolve("service.log"), false, line -> {
                    if (line.startsWith("Crosspoint is running")) {
                        ready.countDown();
                    }
                });
        try {
            if (!ready.await(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                p.kill();
                throw new IllegalStateException("crosspoint.service did not start:\n" + p.outputTail(6000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.kill();
            throw new IllegalStateException("interrupted while starting crosspoint.service", e);
        }
        return new PackagedService(p);
    }

    private static Map<String, String> environment(DebianRoot root, ServiceUnit unit) {
        String[] account = passwdEntry(root, unit.user());
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", SYSTEMD_PATH);
        env.put("HOME", account[5]);
        env.put("USER", unit.user());
        env.put("LOGNAME", unit.user());
        env.put("SHELL", account[6]);
        env.putAll(unit.environment());
        for (String file : unit.environmentFiles()) {
            boolean optional = file.startsWith("-");
            Path path = root.file(optional ? file.substring(1) : file);
            if (Files.exists(path)) {
                env.putAll(ServiceUnit.environmentFile(read(path)));
            } else if (!optional) {
                throw new IllegalStateException("EnvironmentFile " + file + " is missing");
            }
        }
        return env;
    }

    private static String[] passwdEntry(DebianRoot root, String user) {
        for (String line : read(root.file("/etc/passwd")).split("\n")) {
            String[] fields = line.split(":", -1);
            if (fields[0].equals(user)) {
                return fields;
            }
        }
        throw new IllegalStateException("no user " + user + " in " + root);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long pid() {
        return process.pid();
    }

    String output() {
        return process.output();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM, then the exit status systemd would see. */
    Optional<Integer> stop() {
        process.terminate(Duration.ofSeconds(30));
        return process.exitCode();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.kill();
        }
    }
}
