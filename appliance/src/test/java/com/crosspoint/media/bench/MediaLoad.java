package com.crosspoint.media.bench;

import com.crosspoint.media.codec.G711Ulaw;
import com.crosspoint.media.engine.MediaConfig;
import com.crosspoint.media.engine.MediaEngine;
import com.crosspoint.media.engine.MediaSession;
import com.crosspoint.media.engine.SessionListener;
import com.crosspoint.media.engine.SessionRequest;
import com.crosspoint.media.engine.SessionStats;
import com.crosspoint.media.play.LoopPlayer;
import com.crosspoint.media.play.PromptLibrary;
import com.crosspoint.media.record.Recorder;
import com.crosspoint.media.sdp.Direction;
import com.crosspoint.media.sdp.MediaParameters;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load tool for the media engine (not a test): N session pairs in one engine on 127.0.0.1, each session playing a
 * prompt in a loop to its peer and recording the peer's audio to a temporary directory, for S seconds after a
 * warm-up. Prints frames sent against frames due, frames lost at the receivers, the pacing clock's slip and
 * finish (latest send of a tick) percentiles, and CPU per session. Run as documented in docs/benchmarks.md:
 * {@code MediaLoad <pairs> <seconds> [warmupSeconds] [portMin] [receiveThreads]}.
 */
public final class MediaLoad {

    private MediaLoad() {
    }

    public static void main(String[] args) throws Exception {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int portMin = args.length > 3 ? Integer.parseInt(args[3]) : 30000;
        int receiveThreads = args.length > 4 ? Integer.parseInt(args[4]) : MediaConfig.DEFAULTS.receiveThreads();
        InetAddress loopback = InetAddress.getLoopbackAddress();
        MediaConfig d = MediaConfig.DEFAULTS;
        MediaConfig config = new MediaConfig(portMin, portMin + pairs * 8 + 20, receiveThreads, d.jitterDepthFrames(),
                d.maxRecordingSeconds(), d.silenceTimeoutSeconds(), d.silenceThresholdDbfs(), d.rtcpIntervalMillis(),
                d.relatchPackets(), d.socketBufferBytes());
        Path recordings = Files.createTempDirectory("media-load");

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "media-pacer"));
        ExecutorService receivers = Executors.newFixedThreadPool(config.receiveThreads(),
                r -> daemon(r, "media-rx"));
        ExecutorService finisher = Executors.newFixedThreadPool(2, r -> daemon(r, "media-files"));
        long pacerThreadId = pacer.submit(() -> Thread.currentThread().getId()).get();

        short[] prompt = PromptLibrary.english(null).samples("vm-leave-message");
        Recorder.Limits limits = new Recorder.Limits(seconds + warmup + 60, seconds + warmup + 60, -45);
        AtomicLong recorded = new AtomicLong();
        ConcurrentHashMap<Path, Long> files = new ConcurrentHashMap<>();

        List<MediaSession> sessions = new ArrayList<>();
        try (MediaEngine engine = new MediaEngine(config, loopback, Clock.systemUTC(), pacer, receivers)) {
            engine.start();
            for (int i = 0; i < pairs; i++) {
                MediaSession a = engine.open(SessionRequest.of("load-" + i + "a"));
                MediaSession b = engine.open(SessionRequest.of("load-" + i + "b"));
                a.update(pcmu(loopback, b.localPort()));
                b.update(pcmu(loopback, a.localPort()));
                for (MediaSession s : List.of(a, b)) {
                    s.play(new LoopPlayer(prompt));
                    s.sink(Recorder.start(recordings.resolve(s.label() + ".wav"), limits, finisher, r -> {
                        recorded.incrementAndGet();
                        if (r.file() != null) {
                            files.put(r.file(), r.durationMillis());
                        }
                    }));
                    sessions.add(s);
                }
            }
            System.out.printf(Locale.ROOT, "%d sessions open (%d pairs); warming up %d s%n", sessions.size(), pairs,
                    warmup);
            Thread.sleep(warmup * 1000L);

            double loadBefore = os.getSystemLoadAverage();
            Snapshot before = Snapshot.of(sessions);
            engine.pacing().slip().reset();
            engine.pacing().finish().reset();
            long cpuBefore = os.getProcessCpuTime();
            long pacerCpuBefore = threads.getThreadCpuTime(pacerThreadId);
            long wallBefore = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            long wall = System.nanoTime() - wallBefore;
            long cpu = os.getProcessCpuTime() - cpuBefore;
            long pacerCpu = threads.getThreadCpuTime(pacerThreadId) - pacerCpuBefore;
            Snapshot after = Snapshot.of(sessions);
            double loadAfter = os.getSystemLoadAverage();

            long due = after.due - before.due;
            long sent = after.sent - before.sent;
            long failures = after.failures - before.failures;
            long lost = after.lost - before.lost;
            long received = after.received - before.received;
            double wallSeconds = wall / 1e9;
            System.out.printf(Locale.ROOT, "machine: %d cores (%s), Java %s, load average %.2f before, %.2f after%n",
                    os.getAvailableProcessors(), System.getProperty("os.arch"), System.getProperty("java.version"),
                    loadBefore, loadAfter);
            System.out.printf(Locale.ROOT, "sessions: %d (%d pairs), measured %.1f s after %d s warm-up%n",
                    sessions.size(), pairs, wallSeconds, warmup);
            System.out.printf(Locale.ROOT, "frames sent/due: %d/%d (%.4f %%), send failures %d; ideal %d%n", sent, due,
                    due == 0 ? 0 : 100.0 * sent / due, failures, (long) (sessions.size() * wallSeconds * 50));
            System.out.printf(Locale.ROOT, "frames received: %d, lost at the receivers: %d%n", received, lost);
            System.out.printf(Locale.ROOT, "pacing slip (tick start):     %s%n", engine.pacing().slip());
            System.out.printf(Locale.ROOT, "pacing finish (latest send):  %s%n", engine.pacing().finish());
            System.out.printf(Locale.ROOT, "tick errors: %d, pacing failures: %d%n", engine.tickErrors(),
                    engine.pacing().failures());
            System.out.printf(Locale.ROOT, "process CPU: %.1f %% of one core (%.3f ms CPU per session-second); "
                            + "pacing thread %.1f %% of one core%n", 100.0 * cpu / wall,
                    cpu / 1e6 / sessions.size() / wallSeconds, 100.0 * pacerCpu / wall);
        }
        finisher.shutdown();
        finisher.awaitTermination(30, TimeUnit.SECONDS);
        pacer.shutdownNow();
        receivers.shutdownNow();
        System.out.printf(Locale.ROOT, "recordings committed: %d of %d, shortest %d ms, in %s (deleted)%n",
                files.size(), recorded.get(), files.values().stream().mapToLong(Long::longValue).min().orElse(0),
                recordings);
        for (Path f : files.keySet()) {
            Files.deleteIfExists(f);
        }
        Files.deleteIfExists(recordings);
    }

    private static MediaParameters pcmu(InetAddress address, int port) {
        return new MediaParameters(G711Ulaw.INSTANCE, 0, 101, new InetSocketAddress(address, port),
                new InetSocketAddress(address, port + 1), Direction.SENDRECV, 20);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private record Snapshot(long due, long sent, long failures, long received, long lost) {
        static Snapshot of(List<MediaSession> sessions) {
            long due = 0;
            long sent = 0;
            long failures = 0;
            long received = 0;
            long lost = 0;
            for (MediaSession s : sessions) {
                SessionStats st = s.stats();
                due += st.framesDue();
                sent += st.rtpSent();
                failures += st.sendFailures();
                var q = s.quality();
                received += q.packetsReceived();
                lost += q.packetsLost();
            }
            return new Snapshot(due, sent, failures, received, lost);
        }
    }
}
