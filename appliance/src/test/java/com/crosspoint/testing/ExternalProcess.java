package com.crosspoint.testing;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A third-party child process with bounded lifetime handling. Its stdout and stderr go straight to a log file
 * (kept for diagnosis, complete even if this JVM dies); a follower thread reads that file back line by line
 * into memory (ANSI stripped) and to a listener. Reading a file instead of a pipe also avoids the JDK closing
 * the pipe under a blocked reader when the child exits, which loses its last lines.
 * A JVM shutdown hook SIGKILLs whatever is still running, so an aborted test run leaves no peers behind.
 */
public final class ExternalProcess implements AutoCloseable {

    private static final Set<ExternalProcess> LIVE = ConcurrentHashMap.newKeySet();
    private static final long FOLLOW_POLL_MILLIS = 20;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(ExternalProcess::kill),
                "external-process-reaper"));
    }

    private final String name;
    private final Process process;
    private final Path logFile;
    private final StringBuilder output = new StringBuilder();
    private final Consumer<String> lineListener;
    private final Thread follower;
    private final AtomicBoolean finished = new AtomicBoolean();

    private ExternalProcess(String name, Process process, Path logFile, Consumer<String> lineListener) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.lineListener = lineListener;
        this.follower = new Thread(this::followLog, "output-" + name);
        this.follower.setDaemon(true);
    }

    /**
     * Starts {@code command} in {@code workDir}, logging to {@code logFile} (created or truncated).
     *
     * @param keepStdinOpen true keeps a pipe to the child's stdin open (baresip's stdio UI spins at 100 % CPU
     *                      on EOF); false connects stdin to /dev/null
     * @param lineListener  receives every output line, ANSI stripped, on the follower thread
     */
    public static ExternalProcess start(String name, List<String> command, Path workDir, Path logFile,
            boolean keepStdinOpen, Consumer<String> lineListener) {
        try {
            Files.writeString(logFile, remark("starting: " + String.join(" ", command)) + "\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create log " + logFile, e);
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        if (!keepStdinOpen) {
            builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command, e);
        }
        ExternalProcess started = new ExternalProcess(name, process, logFile, lineListener);
        LIVE.add(started);
        started.note("pid " + process.pid());
        started.follower.start();
        return started;
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

    /** Everything the process printed so far (plus harness remarks), ANSI stripped. */
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

    /** Appends a harness remark (prefixed "##") to the log, so it tells what the harness did and when. */
    public synchronized void note(String text) {
        try {
            Files.writeString(logFile, remark(text) + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write log " + logFile, e);
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
            // Children (Kamailio's workers) may outlive the parent briefly; they get the same grace period.
            List<ProcessHandle> descendants = process.descendants().toList();
            long deadline = System.nanoTime() + grace.toNanos();
            note("SIGTERM");
            process.destroy();
            if (waitFor(grace)) {
                awaitOrKill(descendants, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
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

    @Override
    public String toString() {
        return name + "[pid " + pid() + "]";
    }

    private void awaitOrKill(List<ProcessHandle> processes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ProcessHandle handle : processes) {
            long left = Math.max(1, deadline - System.nanoTime());
            try {
                handle.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                note("SIGKILL to leftover child " + handle.pid());
                handle.destroyForcibly();
            } catch (ExecutionException e) {
                throw new IllegalStateException("cannot wait for child " + handle.pid() + " of " + name, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for children of " + name, e);
            }
        }
    }

    private void finish() {
        if (process.isAlive() || !finished.compareAndSet(false, true)) {
            return;
        }
        LIVE.remove(this);
        try {
            follower.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the rest of " + logFile, e);
        }
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            note("closing stdin: " + e);
        }
        note("exited with code " + process.exitValue());
    }

    /** Follows the log file like tail -f until the process has exited and everything is read. */
    private void followLog() {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        boolean lastWasCr = false;
        try (InputStream in = Files.newInputStream(logFile)) {
            while (true) {
                boolean exitedBeforeRead = !process.isAlive();
                int n = in.read(chunk);
                if (n <= 0) {
                    if (exitedBeforeRead) {
                        break;
                    }
                    Thread.sleep(FOLLOW_POLL_MILLIS);
                    continue;
                }
                for (int i = 0; i < n; i++) {
                    byte b = chunk[i];
                    // Like BufferedReader.readLine: \n, \r and \r\n all end a line (baresip prints "\r..." lines).
                    if (b == '\n' && lastWasCr) {
                        lastWasCr = false;
                        continue;
                    }
                    lastWasCr = b == '\r';
                    if (b == '\n' || b == '\r') {
                        emit(line);
                    } else {
                        line.write(b);
                    }
                }
            }
            if (line.size() > 0) {
                emit(line);
            }
        } catch (IOException e) {
            synchronized (output) {
                output.append(remark("cannot follow " + logFile + ": " + e)).append('\n');
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void emit(ByteArrayOutputStream line) {
        String clean = AnsiText.strip(line.toString(StandardCharsets.UTF_8));
        line.reset();
        synchronized (output) {
            output.append(clean).append('\n');
        }
        lineListener.accept(clean);
    }

    private static String remark(String text) {
        return "## " + LocalTime.now() + " [harness] " + text;
    }
}
