package com.crosspoint.it;

import static org.awaitility.Awaitility.await;

import com.crosspoint.proxy.Proxy;
import com.crosspoint.proxy.core.ProxySettings;
import com.crosspoint.proxy.core.StaticTargetResolver;
import com.crosspoint.proxy.transaction.TimerSettings;
import com.crosspoint.proxy.transport.Destination;
import com.crosspoint.proxy.transport.Transport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;

/** What the proxy ITs share: a proxy on loopback with a short Timer B, targets, waiting for a SIPp to listen. */
final class ProxyHarness {
    /** Timer B of 1 s so an unanswering target fails over within the test's patience. */
    static final TimerSettings TIMERS = new TimerSettings(500, 4000, 5000, 1000, 10_000);

    private ProxyHarness() {
    }

    static ProxySettings settings() {
        return ProxySettings.defaults("127.0.0.1", 0).withTimers(TIMERS);
    }

    static Proxy proxyTo(Destination... targets) {
        return Proxy.start(settings(), new StaticTargetResolver(List.of(targets)));
    }

    static Destination udp(int port) {
        return new Destination(Transport.UDP, new InetSocketAddress("127.0.0.1", port));
    }

    static Destination tcp(int port) {
        return new Destination(Transport.TCP, new InetSocketAddress("127.0.0.1", port));
    }

    /** SIPp binds a moment after it starts; a TCP target must accept before the proxy connects to it. */
    static void awaitTcpListening(int port) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return true;
            } catch (IOException e) {
                return false;
            }
        });
    }

    /** A UDP SIPp cannot be probed; its first datagrams would only be retransmitted, but waiting keeps runs clean. */
    static void awaitUdpStarted() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
