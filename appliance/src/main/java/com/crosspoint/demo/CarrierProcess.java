package com.crosspoint.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One simulated carrier's SIPp process, which never outlives the appliance. SIPp runs under a small {@code sh}
 * watchdog that reads its standard input, a pipe whose other end only this JVM holds: when the JVM ends, however it
 * ends ({@code kill -9} included), the kernel closes the pipe, the watchdog reads end-of-file and kills SIPp. Java
 * cannot ask for a parent-death signal ({@code prctl(PR_SET_PDEATHSIG)}), and that signal would follow the thread
 * that started the process, not the JVM; a pipe follows the process.
 */
final class CarrierProcess implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CarrierProcess.class);
    /** Starts SIPp in the background, waits for end-of-file on its own stdin, then stops SIPp. */
    static final String WATCHDOG = "\"$@\" </dev/null >/dev/null 2>&1 & child=$!; "
            + "while read -r _; do :; done; kill \"$child\" 2>/dev/null; wait \"$child\"";

    private final String name;
    private final Process process;
    private final OutputStream lifeline;

    private CarrierProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        this.lifeline = process.getOutputStream();
    }

    /** Starts {@code command} (SIPp and its arguments) under the watchdog; its own output goes to {@code log}. */
    static CarrierProcess start(String name, List<String> command, Path log) throws IOException {
        List<String> full = new ArrayList<>(List.of("sh", "-c", WATCHDOG, "crosspoint-demo-carrier"));
        full.addAll(command);
        Process p = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new CarrierProcess(name, p);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The watchdog's process and SIPp under it (for tests and the log). */
    List<ProcessHandle> processes() {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(process.toHandle());
        process.descendants().forEach(all::add);
        return all;
    }

    /** Closes the lifeline (the watchdog stops SIPp); anything still running after 3 s is killed. */
    @Override
    public void close() {
        List<ProcessHandle> running = processes();
        try {
            lifeline.close();
        } catch (IOException e) {
            LOG.debug("demo carrier {}: closing its stdin: {}", name, e.getMessage());
        }
        try {
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                LOG.warn("demo carrier {} did not stop within 3 s: killed", name);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        running.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
