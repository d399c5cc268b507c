package com.crosspoint.bench;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Relayed G.711 calls through Crosspoint's RTP relay and through rtpengine (userspace), side by side in one run on
 * this machine, with a direct loopback run as the baseline: for each call count, each relay carries that many calls
 * (50 packets a second each way, 172-byte packets) for a step; the report gives loss, one-way delay and the delay
 * the relay adds, the relay's CPU, and memory per call, and the largest count with at most 0.1 % loss and at most
 * 5 ms added p99. Run with {@code bench/relay-bench.sh} (docs/benchmarks.md). All traffic stays on 127.0.0.1.
 */
public final class RelayBench {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    // port ranges below the kernel's ephemeral range, one per party, so nobody's bind(0) lands in them
    private static final int LOAD_PORTS_FROM = 10000;
    private static final int LOAD_PORTS_TO = 15999;
    private static final int CROSSPOINT_PORTS_FROM = 16000;
    private static final int CROSSPOINT_PORTS_TO = 23999;
    private static final int RTPENGINE_PORTS_FROM = 24000;
    private static final int RTPENGINE_PORTS_TO = 32767;
    private static final int NG_PORT = 9999;
    private static final Duration DRAIN = Duration.ofMillis(500);
    private static final Duration SETTLE = Duration.ofSeconds(3);

    private RelayBench() {
    }

    public static void main(String[] args) throws Exception {
        RelayBenchOptions options = RelayBenchOptions.parse(args);
        Path out = options.out().resolve("relay-" + LocalDateTime.now()
                .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))).toAbsolutePath();
        Files.createDirectories(out);
        System.out.println("relay benchmark output in " + out);
        MachineFacts machine = MachineFacts.collect();
        String rtpengineVersion = RtpenginePeer.version();
        Map<String, RelayPeer> peers = new LinkedHashMap<>();
        // an interrupted run (Ctrl-C, kill) must not leave rtpengine behind
        Runtime.getRuntime().addShutdownHook(new Thread(() -> List.copyOf(peers.values()).forEach(RelayPeer::close)));
        try {
            for (String name : options.peers()) {
                peers.put(name, start(name, options, out));
            }
            List<String> memory = memoryProbe(peers, options.calls().get(options.calls().size() - 1));
            warmUp(options, peers);
            List<RelayStep> steps = new ArrayList<>();
            List<RelayStep> rounds = new ArrayList<>();
            for (int calls : options.calls()) {
                Map<String, List<RelayStep>> byPeer = new LinkedHashMap<>();
                for (int round = 1; round <= options.rounds(); round++) {
                    for (RelayPeer peer : peers.values()) {
                        RelayStep step = step(peer, calls, options.step());
                        byPeer.computeIfAbsent(peer.name(), k -> new ArrayList<>()).add(step);
                        rounds.add(step);
                        System.out.printf(Locale.ROOT, "round %d: %s%n", round, step.line(step));
                        Thread.sleep(SETTLE.toMillis());
                    }
                }
                for (List<RelayStep> ofPeer : byPeer.values()) {
                    steps.add(median(ofPeer));
                }
            }
            String command = "bench/relay-bench.sh" + (args.length == 0 ? "" : " " + String.join(" ", args));
            String report = RelayBenchReport.markdown(machine, rtpengineVersion, options, command, memory,
                    steps, rounds);
            System.out.println();
            System.out.println(report);
            Files.writeString(out.resolve("results.md"), report, StandardCharsets.UTF_8);
        } finally {
            peers.values().forEach(RelayPeer::close);
        }
    }

    /** The round with the median p99 (the upper median for an even count). */
    private static RelayStep median(List<RelayStep> rounds) {
        List<RelayStep> sorted = new ArrayList<>(rounds);
        sorted.sort(java.util.Comparator.comparingDouble(s -> s.load().p99Millis()));
        return sorted.get(sorted.size() / 2);
    }

    private static RelayPeer start(String name, RelayBenchOptions options, Path out) {
        return switch (name) {
            case "direct" -> new DirectPeer();
            case "crosspoint" -> new ApplianceRelayPeer(options.threads(), CROSSPOINT_PORTS_FROM, CROSSPOINT_PORTS_TO);
            case "rtpengine" -> new RtpenginePeer(options.threads(), RTPENGINE_PORTS_FROM, RTPENGINE_PORTS_TO, NG_PORT,
                    out.resolve("rtpengine.log"));
            default -> throw new IllegalArgumentException("unknown peer " + name + "\n" + RelayBenchOptions.USAGE);
        };
    }

    /**
     * Memory per call with the largest count open on each relay before it carried any call (so no freed memory of
     * earlier calls is reused): its process's resident set, and for the in-process relay the heap after a full GC.
     */
    private static List<String> memoryProbe(Map<String, RelayPeer> peers, int calls) {
        List<String> rows = new ArrayList<>();
        for (RelayPeer peer : peers.values()) {
            if (peer instanceof DirectPeer) {
                continue;
            }
            try (RtpLoad load = RtpLoad.open(calls, LOOPBACK, LOAD_PORTS_FROM, LOAD_PORTS_TO)) {
                RelayPeer.Memory idle = peer.memory();
                peer.connect(load);
                RelayPeer.Memory open = peer.memory();
                peer.disconnect();
                rows.add(String.format(Locale.ROOT, "| %s | %d | %s | %.1f KiB |", peer.name(), calls,
                        idle.heapBytes() < 0 ? "-" : String.format(Locale.ROOT, "%.1f KiB",
                                (open.heapBytes() - idle.heapBytes()) / 1024.0 / calls),
                        (open.rssBytes() - idle.rssBytes()) / 1024.0 / calls));
            }
        }
        rows.forEach(System.out::println);
        return rows;
    }

    private static void warmUp(RelayBenchOptions options, Map<String, RelayPeer> peers) throws InterruptedException {
        int calls = options.calls().get(0);
        for (RelayPeer peer : peers.values()) {
            try (RtpLoad load = RtpLoad.open(calls, LOOPBACK, LOAD_PORTS_FROM, LOAD_PORTS_TO)) {
                peer.connect(load);
                RtpLoad.Result r = load.run(options.warmup(), DRAIN);
                peer.disconnect();
                System.out.printf(Locale.ROOT, "warm-up %s, %d calls: loss %.3f %%, p99 %.2f ms%n", peer.name(), calls,
                        r.lossPercent(), r.p99Millis());
            }
            Thread.sleep(SETTLE.toMillis());
        }
    }

    private static RelayStep step(RelayPeer peer, int calls, Duration length) throws InterruptedException {
        try (RtpLoad load = RtpLoad.open(calls, LOOPBACK, LOAD_PORTS_FROM, LOAD_PORTS_TO)) {
            RelayPeer.Memory idle = peer.memory();
            peer.connect(load);
            RelayPeer.Memory open = peer.memory();
            double cpuBefore = peer.cpuSeconds();
            MachineLoad machineBefore = MachineLoad.now();
            long gcsBefore = collections();
            long start = System.nanoTime();
            RtpLoad.Result result = load.run(length, DRAIN);
            double wall = (System.nanoTime() - start) / 1e9;
            double relayCpu = 100 * (peer.cpuSeconds() - cpuBefore) / wall;
            long gcs = collections() - gcsBefore;
            MachineLoad machineAfter = MachineLoad.now();
            peer.disconnect();
            long heapPerCall = idle.heapBytes() < 0 ? -1 : (open.heapBytes() - idle.heapBytes()) / calls;
            long rssPerCall = (open.rssBytes() - idle.rssBytes()) / calls;
            double cpuPerPacket = result.received() == 0 ? 0 : relayCpu / 100 * wall * 1e6 / result.received();
            return new RelayStep(peer.name(), calls, result, relayCpu, cpuPerPacket, 100 * result.cpuSeconds() / wall,
                    machineAfter.busyPercentSince(machineBefore), machineAfter.loadAverage1(), gcs, heapPerCall,
                    rssPerCall);
        }
    }

    private static long collections() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionCount).filter(n -> n > 0).sum();
    }
}
