package com.crosspoint.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whole-machine CPU counters from /proc/stat and the load average, so each step records how busy the
 * machine was (neighbours included) while it ran.
 *
 * @param busyTicks  jiffies spent on anything but idle and iowait, all CPUs
 * @param totalTicks all jiffies, all CPUs
 * @param loadAverage1 the one-minute load average
 */
record MachineLoad(long busyTicks, long totalTicks, double loadAverage1) {

    static MachineLoad now() {
        try (BufferedReader stat = Files.newBufferedReader(Path.of("/proc/stat"))) {
            String[] cpu = stat.readLine().trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < cpu.length; i++) {
                total += Long.parseLong(cpu[i]);
            }
            // cpu user nice system idle iowait irq softirq steal ...
            long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
            String load = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0];
            return new MachineLoad(total - idle, total, Double.parseDouble(load));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/stat or /proc/loadavg", e);
        }
    }

    /** Share of all CPUs busy between {@code earlier} and this sample, 0..100. */
    double busyPercentSince(MachineLoad earlier) {
        long total = totalTicks - earlier.totalTicks;
        return total <= 0 ? 0 : 100.0 * (busyTicks - earlier.busyTicks) / total;
    }
}
