package com.crosspoint.bench;

import com.crosspoint.testing.Executables;
import com.crosspoint.testing.ShortCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** What the figures were measured on, for the report. */
record MachineFacts(int cpus, String cpuModel, long memoryMib, String kernel, String jdk, String sipp,
                    String kamailio, double loadAtStart) {

    static MachineFacts collect() {
        return new MachineFacts(Runtime.getRuntime().availableProcessors(), readCpuModel(), readMemoryMib(),
                read("/proc/sys/kernel/osrelease").trim(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                firstLine("sipp", "-v"), firstLine("kamailio", "-v"), MachineLoad.now().loadAverage1());
    }

    private static String readCpuModel() {
        return read("/proc/cpuinfo").lines().filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
    }

    private static long readMemoryMib() {
        return read("/proc/meminfo").lines().filter(l -> l.startsWith("MemTotal:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024).findFirst().orElse(0);
    }

    private static String firstLine(String binary, String flag) {
        return Executables.find(binary).map(path -> ShortCommand.run(Duration.ofSeconds(5), List.of(path.toString(), flag))
                .output().lines().map(String::trim).filter(l -> !l.isEmpty()).findFirst().orElse("?"))
                .orElse("not installed");
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
