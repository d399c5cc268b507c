package com.crosspoint.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where the harness puts its files: logs survive under {@code target/harness-logs} for diagnosis,
 * scratch directories live in the system temp dir (short paths, which Kamailio's unix control socket needs)
 * and are deleted unless {@value #KEEP_TEMP_PROPERTY} is {@code true}.
 */
public final class HarnessFiles {

    /** System property overriding the log base directory. */
    public static final String LOG_DIR_PROPERTY = "crosspoint.harness.logDir";
    /** System property: {@code true} keeps scratch directories (configs, recordings) after close. */
    public static final String KEEP_TEMP_PROPERTY = "crosspoint.harness.keepTemp";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private HarnessFiles() {
    }

    /** A fresh, uniquely named log directory for one component run, e.g. {@code 20260101-120000-003-baresip-1001}. */
    public static Path logDir(String component) {
        String name = String.format("%s-%03d-%s", LocalDateTime.now().format(STAMP), SEQUENCE.incrementAndGet(),
                sanitize(component));
        return createDirectories(logBase().resolve(name));
    }

    /** A fresh scratch directory in the system temp dir. */
    public static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory("cp-" + sanitize(prefix) + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create temp dir for " + prefix, e);
        }
    }

    public static boolean keepTemp() {
        return Boolean.getBoolean(KEEP_TEMP_PROPERTY);
    }

    /** Deletes a scratch directory unless {@link #keepTemp()} asks to keep it; returns whether it was deleted. */
    public static boolean cleanUp(Path dir) {
        if (keepTemp()) {
            return false;
        }
        deleteRecursively(dir);
        return true;
    }

    public static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    if (e != null) {
                        throw e;
                    }
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    static Path logBase() {
        String override = System.getProperty(LOG_DIR_PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override).toAbsolutePath();
        }
        // Surefire/Failsafe set "basedir" to the module directory; plain IDE runs fall back to the working dir.
        String basedir = System.getProperty("basedir");
        Path root = basedir != null ? Path.of(basedir) : Path.of("").toAbsolutePath();
        return root.resolve("target").resolve("harness-logs");
    }

    private static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    private static String sanitize(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
