package com.crosspoint.bench;

import com.crosspoint.media.engine.MediaConfig;
import com.crosspoint.media.engine.MediaUnavailableException;
import com.crosspoint.media.engine.PortAllocator;
import com.crosspoint.media.engine.SignalledPeer;
import com.crosspoint.relay.rtp.RelayListener;
import com.crosspoint.relay.rtp.RelaySettings;
import com.crosspoint.relay.rtp.RelayedCall;
import com.crosspoint.relay.rtp.RtpRelay;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Crosspoint's RTP relay, run in the benchmark's JVM as {@code boot.Appliance} builds it (the shipped defaults:
 * {@code media.relayThreads}, {@code media.socketBufferBytes}, {@code media.relatchPackets}), over its own port
 * range. Calls are opened and told each phone's address as the B2BUA will (not behind NAT: latched to the SDP
 * address). Its CPU is that of the relay's forwarding threads.
 */
final class ApplianceRelayPeer implements RelayPeer {
    private static final String THREAD_PREFIX = "relay-";

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService loops;
    private final RtpRelay relay;
    private final PortAllocator ports;
    private final List<RelayedCall> calls = new ArrayList<>();

    ApplianceRelayPeer(int threads, int portMin, int portMax) {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        loops = Executors.newFixedThreadPool(threads);
        ports = new PortAllocator(portMin, portMax);
        relay = new RtpRelay(new RelaySettings(loopback, loopback, threads, Duration.ofSeconds(60),
                MediaConfig.DEFAULTS.relatchPackets(), MediaConfig.DEFAULTS.socketBufferBytes()), ports,
                Clock.systemUTC(), timer, loops);
        relay.start();
    }

    @Override
    public String name() {
        return "crosspoint";
    }

    @Override
    public void connect(RtpLoad load) {
        try {
            for (int i = 0; i < load.calls(); i++) {
                RelayedCall call = relay.open("bench-" + i, RelayListener.NONE);
                call.caller().expect(load.caller(i), Optional.empty(), SignalledPeer.DIRECT, Set.of(0), false, 8000);
                call.callee().expect(load.callee(i), Optional.empty(), SignalledPeer.DIRECT, Set.of(0), false, 8000);
                load.route(i, call.caller().localRtp(), call.callee().localRtp());
                calls.add(call);
            }
        } catch (MediaUnavailableException e) {
            throw new IllegalStateException("relay ran out of ports at " + calls.size() + " calls", e);
        }
    }

    /** The relayed calls' statistics, for the report's cross-check of the generator's counts. */
    long relayedPackets() {
        return calls.stream().mapToLong(c -> c.stats().caller().packets() + c.stats().callee().packets()).sum();
    }

    @Override
    public void disconnect() {
        calls.forEach(RelayedCall::close);
        calls.clear();
        if (ports.inUse() != 0) {
            throw new IllegalStateException(ports.inUse() + " relay port pairs still in use after closing every call");
        }
    }

    @Override
    public double cpuSeconds() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double seconds = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith(THREAD_PREFIX)) {
                long nanos = threads.getThreadCpuTime(info.getThreadId());
                seconds += nanos > 0 ? nanos / 1e9 : 0;
            }
        }
        return seconds;
    }

    @Override
    public Memory memory() {
        return new Memory(ProcessMemory.heapAfterGc(), ProcessMemory.rssBytes(ProcessHandle.current().pid()));
    }

    @Override
    public void close() {
        relay.close();
        loops.shutdownNow();
        timer.shutdownNow();
    }
}
