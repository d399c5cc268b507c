package com.crosspoint.proxy.core;

import com.crosspoint.proxy.core.RecordingSender.Sent;
import com.crosspoint.proxy.transaction.TimerSettings;
import com.crosspoint.proxy.transaction.TimerWheel;
import com.crosspoint.proxy.transport.Flow;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the core's tests share: a UAC and two targets on loopback addresses, short timers, time moved by hand (a
 * wheel of 10 ms ticks) and a sender that records what a core sends instead of sending it.
 */
final class ProxyTestBed {
    static final InetSocketAddress UAC = new InetSocketAddress("127.0.0.1", 5061);
    static final InetSocketAddress FIRST = new InetSocketAddress("127.0.0.2", 5060);
    static final InetSocketAddress SECOND = new InetSocketAddress("127.0.0.3", 5060);
    static final TimerSettings TIMERS = new TimerSettings(500, 4000, 5000, 2000, 10_000);

    final AtomicLong nanos = new AtomicLong();
    final TimerWheel wheel = new TimerWheel(nanos::get, 10, 256);
    final RecordingSender sender = new RecordingSender();

    /** The proxy on 127.0.0.1:5070 with the short timers. */
    static ProxySettings settings() {
        return ProxySettings.defaults("127.0.0.1", 5070).withTimers(TIMERS);
    }

    ProxyCore core(ProxySettings settings, TargetResolver resolver) {
        return new ProxyCore(settings, new LocalEndpoint("127.0.0.1", 5070, 5070), resolver, sender, wheel);
    }

    /** One datagram into {@code core}; what it sent in return. */
    List<Sent> deliver(ProxyCore core, String text, InetSocketAddress from) {
        byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
        core.onMessage(b, 0, b.length, Flow.udp(from));
        return sender.take();
    }

    /** Moves time on by {@code millis}, tick by tick; what the timers sent. */
    List<Sent> advance(long millis) {
        for (long t = 0; t < millis; t += 10) {
            nanos.addAndGet(10_000_000L);
            wheel.advance();
        }
        return sender.take();
    }
}
