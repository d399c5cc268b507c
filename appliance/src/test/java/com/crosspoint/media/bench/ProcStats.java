package com.crosspoint.media.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What a load tool reads from /proc about a process and the machine: CPU time, nice value, busy jiffies, load. */
public final class ProcStats {
    private ProcStats() {
    }

    /** utime + stime of a process (all its threads) from /proc/<pid>/stat, in seconds (USER_HZ = 100). */
    public static double processCpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The nice value of a process (field 19 of /proc/<pid>/stat), as text; "?" if unreadable. */
    public static String niceOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    /** Busy (non-idle, non-iowait) jiffies of the whole machine from /proc/stat, USER_HZ = 100. */
    public static long[] machineTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                total += Long.parseLong(f[i]);
            }
            return new long[] {total - Long.parseLong(f[4]) - Long.parseLong(f[5])};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
