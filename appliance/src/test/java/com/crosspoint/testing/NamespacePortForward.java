package com.crosspoint.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A loopback port of this JVM's namespace that leads to {@code host:port} inside a network namespace: one socat
 * listens here and, per connection, runs a second socat inside the namespace ({@code ip netns exec}) that connects
 * there (docs real-peers §8 point 5: clients of a namespace run in it). Serves the appliance's API and baresip's
 * ctrl_tcp, which listen only inside their namespaces.
 */
public final class NamespacePortForward implements AutoCloseable {
    private final ExternalProcess socat;
    private final int localPort;

    private NamespacePortForward(ExternalProcess socat, int localPort) {
        this.socat = socat;
        this.localPort = localPort;
    }

    public static NamespacePortForward open(String namespace, String host, int port, Path logDir) {
        String socat = Executables.find("socat").orElseThrow(() -> new IllegalStateException(
                "socat is not installed (the NAT lab needs it: apt-get install socat)")).toString();
        IllegalStateException last = null;
        // A free port can be taken by someone else before socat binds it: try another.
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                return listen(socat, namespace, host, port, logDir);
            } catch (IllegalStateException e) {
                last = e;
            }
        }
        throw last;
    }

    private static NamespacePortForward listen(String socat, String namespace, String host, int port, Path logDir) {
        int local = FreePorts.udpAndTcp();
        String inner = "ip netns exec " + namespace + " " + socat + " STDIO TCP:" + host + ":" + port;
        List<String> command = List.of(socat, "TCP-LISTEN:" + local + ",bind=127.0.0.1,reuseaddr,fork",
                "EXEC:" + inner.replace(":", "\\:").replace(",", "\\,"));
        String name = "forward-" + namespace + "-" + port;
        ExternalProcess p = ExternalProcess.start(name, command, logDir, logDir.resolve(name + "-" + local + ".log"),
                false, line -> { });
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (FreePorts.isFree(local) && p.isAlive() && System.nanoTime() < deadline) {
            pause();
        }
        if (!p.isAlive() || FreePorts.isFree(local)) {
            p.kill();
            throw new IllegalStateException("socat forward to " + namespace + " " + host + ":" + port + " did not"
                    + " listen on " + local + ": " + p.outputTail(1000));
        }
        return new NamespacePortForward(p, local);
    }

    /** The port on 127.0.0.1 of this JVM's namespace. */
    public int localPort() {
        return localPort;
    }

    @Override
    public void close() {
        socat.terminate(Duration.ofSeconds(2));
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
