package com.crosspoint.media.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * tcpdump on the loopback interface for the length of a window, keeping only the first bytes of each UDP datagram
 * sent to a range of ports (enough for the RTP header), with the kernel's nanosecond stamps, for {@link WireSlip}.
 * Needs tcpdump and the right to capture (root or CAP_NET_RAW); {@link #start} says why not when it cannot.
 */
public final class LoopbackCapture implements AutoCloseable {
    private static final int SNAP_BYTES = 64;        // link 14 + IPv4 20 + UDP 8 + RTP 12, with room
    private static final int BUFFER_KIB = 64 * 1024;  // 10,000 packets a second must not overflow it

    private final Process tcpdump;
    private final Path file;
    private final Path log;

    private LoopbackCapture(Process tcpdump, Path file, Path log) {
        this.tcpdump = tcpdump;
        this.file = file;
        this.log = log;
    }

    /** Starts capturing; returns once tcpdump is listening. */
    public static LoopbackCapture start(Path file, int firstPort, int lastPort) throws IOException {
        Path log = file.resolveSibling(file.getFileName() + ".log");
        Process p = new ProcessBuilder(List.of("tcpdump", "-i", "lo", "-n", "-s", Integer.toString(SNAP_BYTES),
                "-B", Integer.toString(BUFFER_KIB), "--time-stamp-precision=nano", "-w", file.toString(),
                "udp and dst portrange " + firstPort + "-" + lastPort))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                    .until(() -> !p.isAlive() || Files.readString(log).contains("listening on"));
        } catch (ConditionTimeoutException e) {
            // reported below with tcpdump's own words
        }
        if (!p.isAlive() || !Files.readString(log).contains("listening on")) {
            p.destroyForcibly();
            throw new IOException("tcpdump did not start: " + Files.readString(log).trim());
        }
        return new LoopbackCapture(p, file, log);
    }

    public Path file() {
        return file;
    }

    /** tcpdump's own closing lines: packets captured, and dropped by the kernel (which would bias the figure). */
    public String summary() throws IOException {
        return String.join("; ", Files.readAllLines(log).stream().filter(l -> l.contains("packets")).toList());
    }

    /** Stops the capture (SIGTERM: tcpdump flushes the file and prints its counts). */
    @Override
    public void close() throws InterruptedException {
        tcpdump.destroy();
        if (!tcpdump.waitFor(10, TimeUnit.SECONDS)) {
            tcpdump.destroyForcibly();
        }
    }
}
