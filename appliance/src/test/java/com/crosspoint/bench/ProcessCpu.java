package com.crosspoint.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;

/** CPU time of a process and its descendants from /proc (Linux), for CPU cost per request. */
final class ProcessCpu {
    /** USER_HZ: the unit of utime/stime in /proc/PID/stat; 100 on every Linux architecture we run on. */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcessCpu() {
    }

    /** utime + stime of {@code pid} and all its live descendants, in seconds. */
    static double treeSeconds(long pid) {
        ProcessHandle root = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no process " + pid));
        return Stream.concat(Stream.of(root), root.descendants()).mapToDouble(p -> seconds(p.pid())).sum();
    }

    private static double seconds(long pid) {
        String stat;
        try {
            stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        } catch (NoSuchFileException exited) {
            // A descendant that exited between listing and reading has no CPU left to count here.
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/" + pid + "/stat", e);
        }
        // Fields after the parenthesised command name (which may contain spaces): state is field 3,
        // utime field 14 and stime field 15 (proc(5)).
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }
}
