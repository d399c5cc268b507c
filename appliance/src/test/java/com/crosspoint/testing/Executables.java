package com.crosspoint.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;

/** Finds third-party binaries on the PATH; tests are skipped (not failed) when one is missing. */
public final class Executables {

    private Executables() {
    }

    public static Optional<Path> find(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        // sbin dirs are often missing from a non-root PATH, but kamailio/kamcmd live there.
        String searched = path + File.pathSeparator + "/usr/local/sbin" + File.pathSeparator + "/usr/sbin"
                + File.pathSeparator + "/sbin";
        for (String dir : searched.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Aborts the current test (JUnit "skipped") with a clear message if any binary is missing. */
    public static void assumeInstalled(String... names) {
        for (String name : names) {
            Assumptions.assumeTrue(find(name).isPresent(),
                    () -> "'" + name + "' is not installed (not on PATH); .ci/run installs it");
        }
    }

    /** The absolute path of an installed binary; skips the test if it is missing. */
    static String require(String name) {
        assumeInstalled(name);
        return find(name).orElseThrow().toString();
    }
}
