package com.crosspoint.bench;

import com.crosspoint.testing.Executables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * rtpengine (Debian {@code rtpengine-daemon}) in userspace forwarding only ({@code --table=-1}: no kernel module),
 * started by the benchmark on 127.0.0.1 and driven over its ng control protocol exactly as Kamailio's rtpengine
 * module drives it: an offer with the caller's SDP, an answer with the callee's, a delete at the end. Kamailio is
 * not needed for that and is not in the media path either way.
 */
final class RtpenginePeer implements RelayPeer {
    private static final Pattern PORT = Pattern.compile("(?m)^m=audio (\\d+) ");
    private static final Pattern HOST = Pattern.compile("(?m)^c=IN IP4 (\\S+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    private final Process process;
    private final NgClient ng;
    private final List<String> calls = new ArrayList<>();

    RtpenginePeer(int threads, int portMin, int portMax, int ngPort, Path log) {
        Path binary = Executables.find("rtpengine")
                .orElseThrow(() -> new IllegalStateException("rtpengine not installed (Debian: rtpengine-daemon)"));
        List<String> command = List.of(binary.toString(), "--config-file=none", "--foreground", "--table=-1",
                "--interface=127.0.0.1", "--listen-ng=127.0.0.1:" + ngPort, "--port-min=" + portMin,
                "--port-max=" + portMax, "--num-threads=" + threads, "--timeout=60", "--delete-delay=0",
                "--log-stderr", "--log-level=5", "--pidfile=" + log.resolveSibling("rtpengine.pid"));
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
        ng = new NgClient(new InetSocketAddress("127.0.0.1", ngPort));
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!ng.ping()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                close();
                throw new IllegalStateException("rtpengine did not start; see " + log);
            }
        }
    }

    /** The version line of the installed daemon. */
    static String version() {
        return Executables.find("rtpengine").map(p -> com.crosspoint.testing.ShortCommand.run(Duration.ofSeconds(5),
                List.of(p.toString(), "--version")).output().trim()).orElse("not installed");
    }

    @Override
    public String name() {
        return "rtpengine";
    }

    @Override
    public void connect(RtpLoad load) {
        for (int i = 0; i < load.calls(); i++) {
            String callId = "bench-" + i + "-" + System.nanoTime();
            String offered = ng.offer(callId, "caller", sdp(load.caller(i)));
            String answered = ng.answer(callId, "caller", "callee", sdp(load.callee(i)));
            calls.add(callId);
            // the offer's rewrite is what the callee is told (where it sends); the answer's, what the caller is told
            load.route(i, address(answered), address(offered));
        }
    }

    private static String sdp(InetSocketAddress phone) {
        return "v=0\r\no=- " + phone.getPort() + " 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio " + phone.getPort() + " RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=sendrecv\r\n";
    }

    private static InetSocketAddress address(String sdp) {
        Matcher port = PORT.matcher(sdp);
        Matcher host = HOST.matcher(sdp);
        if (!port.find() || !host.find()) {
            throw new IllegalStateException("no media address in rtpengine's SDP:\n" + sdp);
        }
        return new InetSocketAddress(host.group(1), Integer.parseInt(port.group(1)));
    }

    @Override
    public void disconnect() {
        for (String callId : calls) {
            ng.delete(callId, "caller");
        }
        calls.clear();
    }

    @Override
    public double cpuSeconds() {
        return ProcessCpu.treeSeconds(process.pid());
    }

    @Override
    public Memory memory() {
        return new Memory(-1, ProcessMemory.rssBytes(process.pid()));
    }

    @Override
    public void close() {
        ng.close();
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
