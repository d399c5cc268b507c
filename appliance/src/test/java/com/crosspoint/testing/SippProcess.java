package com.crosspoint.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A started SIPp run (see {@link SippRunner#start()}); closing it kills SIPp if it is still running. */
public final class SippProcess implements AutoCloseable {

    private final ExternalProcess process;
    private final Path logDir;
    private final Duration limit;
    private SippResult result;

    SippProcess(ExternalProcess process, Path logDir, Duration limit) {
        this.process = process;
        this.logDir = logDir;
        this.limit = limit;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path logDir() {
        return logDir;
    }

    /** Waits for SIPp to finish (killing it after its timeout plus a margin) and collects the result. */
    public synchronized SippResult await() {
        if (result == null) {
            boolean timedOut = !process.waitFor(limit);
            if (timedOut) {
                process.kill();
            }
            result = collect(timedOut);
        }
        return result;
    }

    /** Kills SIPp if it is still running. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.terminate(Duration.ofSeconds(2));
        }
    }

    private SippResult collect(boolean timedOut) {
        SippStatistics statistics = SippStatistics.fromCsv(logDir.resolve("stat.csv"))
                .or(() -> SippStatistics.fromScreen(read(logDir.resolve("screen.log"))))
                .orElse(null);
        return new SippResult(process.exitCode().orElse(-1), timedOut, process.output(), statistics,
                read(logDir.resolve("errors.log")), logDir);
    }

    private static String read(Path file) {
        if (!Files.isRegularFile(file)) {
            return "";
        }
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
