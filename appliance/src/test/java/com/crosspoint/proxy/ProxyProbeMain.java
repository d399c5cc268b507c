package com.crosspoint.proxy;

import com.crosspoint.proxy.core.ProxySettings;
import com.crosspoint.proxy.core.StaticTargetResolver;
import com.crosspoint.proxy.transport.Destination;
import com.crosspoint.proxy.transport.Transport;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A proxy on its own for load probes (not a test): {@code ProxyProbeMain <port> <target port>} routes
 * every initial request to 127.0.0.1:<target port> over UDP and runs until killed, then prints its counters.
 */
public final class ProxyProbeMain {
    private ProxyProbeMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(args[0]);
        int target = Integer.parseInt(args[1]);
        Proxy proxy = Proxy.start(ProxySettings.defaults("127.0.0.1", port),
                new StaticTargetResolver(List.of(new Destination(Transport.UDP, new InetSocketAddress("127.0.0.1", target)))));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("requests=" + proxy.counters().requests() + " responses=" + proxy.counters().responses()
                    + " absorbed=" + proxy.counters().retransmissionsAbsorbed() + " overloaded=" + proxy.counters().overloaded()
                    + " refusals=" + proxy.counters().refusals() + " live=" + proxy.core().liveTransactions());
            proxy.close();
            stopped.countDown();
        }));
        System.out.println("proxy listening on " + proxy.port());
        Thread meter = new Thread(() -> meter(proxy), "probe-meter");
        meter.setDaemon(true);
        meter.start();
        stopped.await();
    }

    /** Every second: bytes allocated by the proxy's own threads so far, and requests handled, for allocation per call. */
    private static void meter(Proxy proxy) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        while (true) {
            long allocated = 0;
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.getName().startsWith("proxy-")) {
                    allocated += Math.max(0, threads.getThreadAllocatedBytes(t.getId()));
                }
            }
            System.out.println("meter alloc=" + allocated + " requests=" + proxy.counters().requests());
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
