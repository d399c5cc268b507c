package com.crosspoint.bench;

import java.util.Locale;

/**
 * One relay at one call count.
 *
 * @param peer          the relay (or direct)
 * @param calls         concurrent calls
 * @param load          what the generator sent and received, and the delays
 * @param relayCpu      the relay's CPU time over the step, in % of one core
 * @param cpuPerPacket  the relay's CPU time per packet it delivered, in µs (what the neighbours' load changes least)
 * @param generatorCpu  the load generator's CPU time over the step, in % of one core
 * @param machineBusy   the whole machine's busy share over the step (neighbours included), % of all cores
 * @param loadAverage   one-minute load average at the end of the step
 * @param gcs           garbage collections of the benchmark's JVM during the step (the generator's, and the relay's
 *                      when it runs in-process)
 * @param heapPerCall   heap per open call in bytes (in-process relay), or -1
 * @param rssPerCall    resident memory per open call in bytes
 */
record RelayStep(String peer, int calls, RtpLoad.Result load, double relayCpu, double cpuPerPacket,
                 double generatorCpu, double machineBusy, double loadAverage,
                 long gcs, long heapPerCall, long rssPerCall) {
    static final double MAX_LOSS_PERCENT = 0.1;
    static final double MAX_ADDED_P99_MILLIS = 5;

    double addedP50(RelayStep direct) {
        return Math.max(0, load.p50Millis() - direct.load.p50Millis());
    }

    double addedP99(RelayStep direct) {
        return Math.max(0, load.p99Millis() - direct.load.p99Millis());
    }

    boolean passes(RelayStep direct) {
        return load.lossPercent() <= MAX_LOSS_PERCENT && addedP99(direct) <= MAX_ADDED_P99_MILLIS;
    }

    String line(RelayStep direct) {
        return String.format(Locale.ROOT,
                "| %d | %s | %d / %d | %.3f | %.2f | %.2f | %.2f | %.2f | %.1f | %.1f | %.1f | %.1f | %.2f | %d | %s | %s | %s |",
                calls, peer, load.received(), load.sent(), load.lossPercent(), load.p50Millis(), load.p99Millis(),
                direct == this ? 0.0 : addedP50(direct), direct == this ? 0.0 : addedP99(direct), relayCpu, cpuPerPacket,
                generatorCpu, machineBusy, loadAverage, gcs, kib(heapPerCall), kib(rssPerCall),
                direct == this ? "baseline" : passes(direct) ? "pass" : "FAIL");
    }

    private static String kib(long bytes) {
        return bytes < 0 ? "-" : String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }
}
