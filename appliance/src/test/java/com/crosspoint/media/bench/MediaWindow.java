package com.crosspoint.media.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The appliance's media figures over a measuring window: two snapshots of {@code GET /api/v1/media} subtracted
 * (frames due and sent, send failures, RTP in and lost, the pacing clock's slip histogram), its CPU time, the
 * machine's busy share and the load average.
 */
public final class MediaWindow {
    public double wallSeconds;
    public double cpuSeconds;
    public double loadBefore;
    public double loadAfter;
    public long due;
    public long sent;
    public long sendFailures;
    public long rtpReceived;
    public long lostIn;
    public long callerPackets;
    public long ticks;
    public long slipP50;
    public long slipP99;
    public long slipMax;
    public int sessionsMin;
    public int sessionsMax;
    public double machineBusyCores;

    public static MediaWindow measure(Supplier<JsonNode> media, long pid, LongSupplier callerPackets, int seconds)
            throws InterruptedException {
        MediaWindow w = new MediaWindow();
        w.loadBefore = ProcStats.loadAverage();
        JsonNode a = media.get();
        long callerA = callerPackets.getAsLong();
        double cpuA = ProcStats.processCpuSeconds(pid);
        long[] machineA = ProcStats.machineTicks();
        long wallA = System.nanoTime();
        w.sessionsMin = a.get("sessionsOpen").asInt();
        w.sessionsMax = w.sessionsMin;
        Thread.sleep(seconds * 1000L);
        JsonNode b = media.get();
        double cpuB = ProcStats.processCpuSeconds(pid);
        long[] machineB = ProcStats.machineTicks();
        long wallB = System.nanoTime();
        long callerB = callerPackets.getAsLong();
        w.loadAfter = ProcStats.loadAverage();
        w.sessionsMin = Math.min(w.sessionsMin, b.get("sessionsOpen").asInt());
        w.sessionsMax = Math.max(w.sessionsMax, b.get("sessionsOpen").asInt());
        w.wallSeconds = (wallB - wallA) / 1e9;
        w.cpuSeconds = cpuB - cpuA;
        w.machineBusyCores = (machineB[0] - machineA[0]) / 100.0 / w.wallSeconds;
        w.due = delta(a, b, "framesDue");
        w.sent = delta(a, b, "rtpSent");
        w.sendFailures = delta(a, b, "sendFailures");
        w.rtpReceived = delta(a, b, "rtpReceived");
        w.lostIn = delta(a, b, "packetsLost");
        w.callerPackets = callerB - callerA;
        SortedMap<Long, Long> hist = buckets(b);
        buckets(a).forEach((edge, count) -> hist.merge(edge, -count, Long::sum));
        hist.values().removeIf(c -> c <= 0);
        w.ticks = hist.values().stream().mapToLong(Long::longValue).sum();
        w.slipP50 = percentile(hist, w.ticks, 0.5);
        w.slipP99 = percentile(hist, w.ticks, 0.99);
        w.slipMax = hist.isEmpty() ? 0 : hist.lastKey();
        return w;
    }

    private static long delta(JsonNode a, JsonNode b, String field) {
        return b.get(field).asLong() - a.get(field).asLong();
    }

    private static SortedMap<Long, Long> buckets(JsonNode media) {
        SortedMap<Long, Long> out = new TreeMap<>();
        media.get("slipBuckets").fields().forEachRemaining(e -> out.put(Long.parseLong(e.getKey()),
                e.getValue().asLong()));
        return out;
    }

    private static long percentile(SortedMap<Long, Long> hist, long total, double q) {
        long rank = Math.max(1, (long) Math.ceil(q * total));
        long seen = 0;
        for (Map.Entry<Long, Long> e : hist.entrySet()) {
            seen += e.getValue();
            if (seen >= rank) {
                return e.getKey();
            }
        }
        return 0;
    }
}
