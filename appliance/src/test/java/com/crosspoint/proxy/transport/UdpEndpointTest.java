package com.crosspoint.proxy.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The UDP endpoint on a real loopback socket: every datagram handled once by one of its readers, and what its
 * {@link InputWatch} tells the overload control: an idle socket has a reader waiting on it, a socket whose readers are
 * stuck builds a backlog, which ends only once all that queued is handled.
 */
class UdpEndpointTest {
    private static final long MILLI = 1_000_000L;

    private final Set<String> handled = ConcurrentHashMap.newKeySet();
    private final AtomicInteger handlings = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean hold;
    private UdpEndpoint endpoint;

    @AfterEach
    void close() {
        endpoint.close();
    }

    private void open() {
        endpoint = UdpEndpoint.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 2, 1 << 20,
                (buffer, offset, length, flow) -> {
                    handled.add(new String(buffer, offset, length, StandardCharsets.US_ASCII));
                    handlings.incrementAndGet();
                    if (hold) {
                        try {
                            release.await(10, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }, "test");
    }

    private void send(DatagramSocket from, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            byte[] payload = ("d" + i).getBytes(StandardCharsets.US_ASCII);
            from.send(new DatagramPacket(payload, payload.length, endpoint.localAddress()));
        }
    }

    private long backlogMillis() {
        return endpoint.watch().backlogNanos(System.nanoTime()) / MILLI;
    }

    @Test
    void anIdleSocketShowsNoBacklogHoweverLongItIsIdle() throws IOException {
        open();
        // a reader waits on it: no backlog however long the silence
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> backlogMillis() == 0);
        try (DatagramSocket client = new DatagramSocket()) {
            send(client, 3);
            await().atMost(Duration.ofSeconds(5)).until(() -> handled.size() == 3);
        }
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> backlogMillis() == 0);
    }

    @Test
    void stuckReadersBuildABacklogThatEndsOnlyOnceEverythingQueuedIsHandled() throws IOException {
        open();
        hold = true; // both readers get stuck handling: what arrives now stays queued in the socket
        try (DatagramSocket client = new DatagramSocket()) {
            send(client, 50);
            await().atMost(Duration.ofSeconds(5)).until(() -> handlings.get() == 2);
            // 48 datagrams queued behind two stuck readers: the backlog grows with the time
            await().atMost(Duration.ofSeconds(5)).until(() -> backlogMillis() >= 200);
            hold = false;
            release.countDown();
            await().atMost(Duration.ofSeconds(5)).until(() -> handled.size() == 50);
            await().atMost(Duration.ofSeconds(5)).until(() -> backlogMillis() < 100);
        }
        assertThat(handlings.get()).as("each datagram handled once").isEqualTo(50);
    }
}
