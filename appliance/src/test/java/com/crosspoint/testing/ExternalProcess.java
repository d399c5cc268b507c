package com.crosspoint.testing;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A third-party child process with bounded lifetime handling. Its merged stdout/stderr is copied line by line
 * to a log file (kept for diagnosis) and to memory (ANSI stripped). A JVM shutdown hook SIGKILLs whatever is
 * still running, so an aborted test run leaves no peers behind.
 */
public final class ExternalProcess implements AutoCloseable {

    private static final Set<ExternalProcess> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(ExternalProcess::kill),
                "external-process-reaper"));
    }

    private final String name;
    private final Process process;
    private final Path logFile;
    private final BufferedWriter log;
    private final AtomicBoolean finished = new AtomicBoolean();
    private final StringBuilder output = new StringBuilder();
    private final Consumer<String> lineListener;
    private final Thread pump;

    private ExternalProcess(String name, Process process, Path logFile, Consumer<String> lineListener)
            throws IOException {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8);
        this.lineListener = lineListener;
        this.pump = new Thread(this::pumpOutput, "output-" + name);
        this.pump.setDaemon(true);
    }

    /**
     * Starts {@code command} in {@code workDir}.
     *
     * @param keepStdinOpen true keeps a pipe to the child's stdin open (baresip's stdio UI spins at 100 % CPU
     *                      on EOF); false connects stdin to /dev/null
     * @param lineListener  receives every output line, ANSI stripped, on the pump thread
     */
    public static ExternalProcess start(String name, List<String> command, Path workDir, Path logFile,
            boolean keepStdinOpen, Consumer<String> lineListener) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        if (!keepStdinOpen) {
            builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        }
        try {
            ExternalProcess started = new ExternalProcess(name, builder.start(), logFile, lineListener);
            LIVE.add(started);
            started.note("started pid " + started.pid() + ": " + String.join(" ", command));
            started.pump.start();
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command, e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path logFile() {
        return logFile;
    }

    /** Everything the process printed so far, ANSI stripped. */
    public String output() {
        synchronized (output) {
            return output.toString();
        }
    }

    /** The last {@code maxChars} characters of {@link #output()}, for failure messages. */
    public String outputTail(int maxChars) {
        String all = output();
        return all.length() <= maxChars ? all : "..." + all.substring(all.length() - maxChars);
    }

    public Optional<Integer> exitCode() {
        return process.isAlive() ? Optional.empty() : Optional.of(process.exitValue());
    }

    /** Writes a harness remark into the log (prefixed "##"), so the log tells what the harness did and when. */
    public void note(String remark) {
        append("## " + LocalTime.now() + " [harness] " + remark);
    }

    public void writeStdin(String text) {
        try {
            OutputStream stdin = process.getOutputStream();
            stdin.write(text.getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to stdin of " + name, e);
        }
    }

    /** Waits up to {@code timeout} for the process to exit; returns whether it did. */
    public boolean waitFor(Duration timeout) {
        try {
            boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (exited) {
                finish();
            }
            return exited;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name, e);
        }
    }

    /** SIGTERM, then SIGKILL (process and descendants) if it has not exited within {@code grace}. */
    public void terminate(Duration grace) {
        if (process.isAlive()) {
            note("SIGTERM");
            process.destroy();
            if (waitFor(grace)) {
                return;
            }
        }
        kill();
    }

    /** SIGKILL to the process and all its descendants (Kamailio's children would survive the parent). */
    public void kill() {
        List<ProcessHandle> descendants = process.descendants().toList();
        if (process.isAlive()) {
            note("SIGKILL");
            process.destroyForcibly();
        }
        descendants.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while killing " + name, e);
        }
        finish();
    }

    /** Terminates with a 5 s grace period. */
    @Override
    public void close() {
        terminate(Duration.ofSeconds(5));
    }

    private void finish() {
        if (process.isAlive() || !finished.compareAndSet(false, true)) {
            return;
        }
        LIVE.remove(this);
        try {
            pump.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while draining output of " + name, e);
        }
        closeStdin();
        note("exited with code " + process.exitValue());
        synchronized (this) {
            try {
                log.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close log " + logFile, e);
            }
        }
    }

    private void closeStdin() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // The child is gone; a broken stdin pipe is expected then and only worth a log line.
            note("closing stdin: " + e);
        }
    }

    private void pumpOutput() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String clean = AnsiText.strip(line);
                append(line);
                synchronized (output) {
                    output.append(clean).append('\n');
                }
                lineListener.accept(clean);
            }
        } catch (IOException e) {
            note("output stream ended: " + e);
        }
    }

    private synchronized void append(String line) {
        try {
            if (finished.get()) {
                // Remarks after exit (e.g. from close()) still belong in the log.
                Files.writeString(logFile, line + System.lineSeparator(), StandardCharsets.UTF_8,
                        StandardOpenOption.APPEND);
                return;
            }
            log.write(line);
            log.newLine();
            log.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write log " + logFile, e);
        }
    }

    @Override
    public String toString() {
        return name + "[pid " + pid() + "]";
    }
}
