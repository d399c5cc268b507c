package com.crosspoint.relay.rtp;

import com.crosspoint.media.engine.PortAllocator;
import com.crosspoint.testing.FreePorts;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** A started relay on 127.0.0.1 over a small free port range, with its own threads, as boot would build it. */
final class RelayFixture implements AutoCloseable {
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "relay-timer"));
    final ExecutorService loops = Executors.newCachedThreadPool(r -> daemon(r, "relay"));
    final int firstPort;
    final int lastPort;
    final PortAllocator ports;
    final RtpRelay relay;

    RelayFixture(int pairs, Duration timeout) {
        int free = FreePorts.consecutive(2 * pairs + 1);
        firstPort = free + (free & 1);
        lastPort = firstPort + 2 * pairs - 1;
        ports = new PortAllocator(firstPort, lastPort);
        relay = new RtpRelay(new RelaySettings(LOOPBACK, LOOPBACK, 2, timeout, 5, 131072), ports, Clock.systemUTC(),
                timer, loops);
        relay.start();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void close() {
        relay.close();
        timer.shutdownNow();
        loops.shutdownNow();
    }
}
