package com.crosspoint.installer;

import com.crosspoint.testing.HarnessFiles;
import com.crosspoint.testing.ShortCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A clean Debian 12 system in a directory: debootstrapped (minbase) once per build into
 * {@code target/debian-12-base}, then copied for each test into a directory of its own with /proc
 * mounted, so that Java runs in it. Commands run in it through chroot, as root or as another user.
 * Needs root and debootstrap; packages come from Debian's archive ({@code -Dcrosspoint.debian.mirror}).
 */
final class DebianRoot implements AutoCloseable {
    private static final Duration DEBOOTSTRAP_TIMEOUT = Duration.ofMinutes(10);
    private static final String MIRROR = System.getProperty("crosspoint.debian.mirror", "http://deb.debian.org/debian");
    private static final String COMPLETE = ".debootstrap-complete";

    private final Path dir;
    private boolean procMounted;

    private DebianRoot(Path dir) {
        this.dir = dir;
    }

    /** A fresh copy of the cached base system (debootstrapped first when this build has none). */
    static DebianRoot fresh(Path buildDir, String name) {
        Path base = base(buildDir);
        Path dir = HarnessFiles.tempDir("debian-" + name + "-");
        DebianRoot root = new DebianRoot(dir);
        try {
            host(Duration.ofMinutes(2), "cp", "-a", base + "/.", dir.toString());
            host(Duration.ofSeconds(30), "mount", "-t", "proc", "proc", dir.resolve("proc").toString());
            root.procMounted = true;
            return root;
        } catch (RuntimeException e) {
            root.close();
            throw e;
        }
    }

    private static synchronized Path base(Path buildDir) {
        Path base = buildDir.resolve("debian-12-base");
        if (Files.exists(base.resolve(COMPLETE))) {
            return base;
        }
        Path partial = buildDir.resolve("debian-12-base.partial");
        HarnessFiles.deleteRecursively(partial);
        host(DEBOOTSTRAP_TIMEOUT, "debootstrap", "--variant=minbase", "bookworm", partial.toString(), MIRROR);
        try {
            HarnessFiles.deleteRecursively(base);
            Files.move(partial, base);
            Files.createFile(base.resolve(COMPLETE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the Debian base in " + base, e);
        }
        return base;
    }

    /** The file {@code absolute} (e.g. "/etc/passwd") of this system, seen from the host. */
    Path file(String absolute) {
        return dir.resolve(absolute.substring(1));
    }

    Path directory() {
        return dir;
    }

    /** Runs {@code script} with /bin/sh as root inside; fails on a non-zero exit. */
    String sh(Duration timeout, String script) {
        ShortCommand.Result r = shAllowingFailure(timeout, script);
        if (!r.succeeded()) {
            throw new IllegalStateException("in " + dir + ": `" + script + "` exited " + r.exitCode() + ":\n" + r.output());
        }
        return r.output();
    }

    ShortCommand.Result shAllowingFailure(Duration timeout, String script) {
        return ShortCommand.run(timeout, List.of("chroot", dir.toString(), "/usr/bin/env", "-i",
                "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "HOME=/root", "LANG=C.UTF-8",
                "DEBIAN_FRONTEND=noninteractive", "/bin/sh", "-c", script));
    }

    /** Installs .deb files from the host, with their dependencies from Debian's archive. */
    String aptInstall(Path... debs) {
        List<String> inside = new ArrayList<>();
        for (Path deb : debs) {
            try {
                Path copy = file("/tmp/" + deb.getFileName());
                Files.copy(deb, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                inside.add("/tmp/" + deb.getFileName());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        // --force-confold: a conffile the admin changed stays as it is, as an unattended upgrade does
        return sh(Duration.ofMinutes(8), "apt-get update -qq && apt-get install -y -q --no-install-recommends "
                + "-o Dpkg::Options::=--force-confold " + String.join(" ", inside));
    }

    static String host(Duration timeout, String... command) {
        ShortCommand.Result r = ShortCommand.run(timeout, List.of(command));
        if (!r.succeeded()) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + r.exitCode() + ":\n" + r.output());
        }
        return r.output();
    }

    /** Ends what still runs inside (processes this test started there), unmounts and deletes. */
    @Override
    public void close() {
        for (ProcessHandle p : ProcessHandle.allProcesses().toList()) {
            if (rootOf(p).map(dir::equals).orElse(false)) {
                p.destroyForcibly();
            }
        }
        if (procMounted) {
            host(Duration.ofSeconds(30), "umount", "-l", dir.resolve("proc").toString());
            procMounted = false;
        }
        HarnessFiles.cleanUp(dir);
    }

    private static java.util.Optional<Path> rootOf(ProcessHandle p) {
        try {
            return java.util.Optional.of(Files.readSymbolicLink(Path.of("/proc", Long.toString(p.pid()), "root")));
        } catch (IOException | UnsupportedOperationException e) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "Debian 12 in " + dir;
    }
}
