package com.crosspoint.bench;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/** The Markdown of a relay benchmark run: the machine, the command, one row per relay and call count, the verdict. */
final class RelayBenchReport {

    private RelayBenchReport() {
    }

    static String markdown(MachineFacts machine, String rtpengineVersion, RelayBenchOptions options, String command,
                           List<String> memory, List<RelayStep> steps, List<RelayStep> rounds) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Machine: %d CPUs (%s), %d MiB, Linux %s, %s, %s. "
                        + "One-minute load average when the run started: %.2f.%n%n", machine.cpus(), machine.cpuModel(),
                machine.memoryMib(), machine.kernel(), machine.jdk(), rtpengineVersion.lines().findFirst().orElse("?"),
                machine.loadAtStart()));
        md.append("Command: `").append(command).append("`. ").append(options.step().toSeconds())
                .append(" s per step, warm-up ").append(options.warmup().toSeconds())
                .append(" s per relay, ").append(options.threads()).append(" forwarding threads per relay.\n\n");
        md.append(summary(steps));
        md.append("\nMemory per call, each relay fresh (before any call), with the largest count open and idle:\n\n")
                .append("| relay | calls | heap per call (after full GC) | resident set per call |\n|---|---|---|---|\n");
        memory.forEach(row -> md.append(row).append('\n'));
        md.append("\n| calls | relay | received / sent | loss % | p50 ms | p99 ms | added p50 ms | added p99 ms "
                + "| relay CPU % of a core | relay CPU µs per packet | generator CPU % | machine busy % | load | JVM GCs "
                + "| heap per call | RSS per call | verdict |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (RelayStep step : steps) {
            md.append(step.line(direct(steps, step.calls()).orElse(step))).append('\n');
        }
        md.append("\nA step passes with at most ").append(RelayStep.MAX_LOSS_PERCENT)
                .append(" % loss and at most ").append(RelayStep.MAX_ADDED_P99_MILLIS)
                .append(" ms added p99 one-way delay (the relay's p99 minus the direct run's at the same count). ")
                .append("Each row is the round with the median p99 of ").append(options.rounds())
                .append(" rounds (direct, crosspoint, rtpengine in turn, each round), every round below.\n\n")
                .append("All rounds (added delay against that count's median direct row):\n\n")
                .append("| calls | relay | received / sent | loss % | p50 ms | p99 ms | added p50 ms | added p99 ms "
                        + "| relay CPU % of a core | relay CPU µs per packet | generator CPU % | machine busy % | load "
                        + "| JVM GCs | heap per call | RSS per call | verdict |\n"
                        + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (RelayStep round : rounds) {
            md.append(round.line(direct(steps, round.calls()).orElse(round))).append('\n');
        }
        return md.toString();
    }

    private static String summary(List<RelayStep> steps) {
        StringBuilder md = new StringBuilder("| relay | largest passing call count | ratio to rtpengine |\n|---|---|---|\n");
        OptionalInt rtpengine = largestPassing(steps, "rtpengine");
        for (String peer : List.of("crosspoint", "rtpengine")) {
            if (steps.stream().noneMatch(s -> s.peer().equals(peer))) {
                continue;
            }
            OptionalInt best = largestPassing(steps, peer);
            String ratio = best.isPresent() && rtpengine.isPresent() && rtpengine.getAsInt() > 0
                    ? String.format(Locale.ROOT, "%.2f", (double) best.getAsInt() / rtpengine.getAsInt()) : "-";
            md.append("| ").append(peer).append(" | ").append(best.isPresent() ? best.getAsInt() : "none passed")
                    .append(" | ").append(ratio).append(" |\n");
        }
        return md.toString();
    }

    /** The largest count at which this relay and every smaller count passed. */
    private static OptionalInt largestPassing(List<RelayStep> steps, String peer) {
        OptionalInt best = OptionalInt.empty();
        for (RelayStep step : steps) {
            if (!step.peer().equals(peer)) {
                continue;
            }
            Optional<RelayStep> direct = direct(steps, step.calls());
            if (direct.isEmpty() || !step.passes(direct.get())) {
                break;
            }
            best = OptionalInt.of(step.calls());
        }
        return best;
    }

    private static Optional<RelayStep> direct(List<RelayStep> steps, int calls) {
        return steps.stream().filter(s -> s.calls() == calls && s.peer().equals("direct")).findFirst();
    }
}
