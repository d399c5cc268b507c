package com.crosspoint.bench;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Renders the results as Markdown for docs/benchmarks.md, and single steps as log lines. */
final class BenchReport {
    /** The floors on 2 cores. */
    static final Map<Scenario, Integer> FLOORS = Map.of(Scenario.REGISTER, 1000, Scenario.CALLS, 300);
    private static final String APPLIANCE = "Crosspoint";
    private static final String REFERENCE = "Kamailio";

    private BenchReport() {
    }

    /** One peer's ladder for one scenario. */
    record Ladder(String peer, Scenario scenario, RateLadder.Outcome outcome) {
        Optional<StepResult> best() {
            return outcome.best();
        }
    }

    static String stepLine(StepResult r) {
        return String.format(Locale.ROOT, "%s %d/s: %d/%d ok, %d failed, %d retrans, %.1f s, peer CPU %.0f%% "
                        + "(%.0f us/op), machine %.0f%% busy, load %.1f -> %s",
                r.scenario(), r.rate(), r.successful(), r.offered(), r.failed(), r.retransmissions(), r.wallSeconds(),
                r.peerCpuPercent(), r.peerCpuMicrosPerCall(), r.machineBusy(), r.loadAverage(),
                r.passed() ? "PASS" : "FAIL (" + r.verdict() + ")");
    }

    static String markdown(MachineFacts machine, BenchOptions options, String command, List<Ladder> ladders,
                           List<String> notes) {
        StringBuilder md = new StringBuilder();
        md.append("### Run of ").append(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")))
                .append("\n\n");
        md.append(String.format(Locale.ROOT, "Machine: %d CPUs (%s), %d MiB, Linux %s, %s, %s, %s. "
                        + "One-minute load average when the run started: %.2f.%n%n",
                machine.cpus(), machine.cpuModel(), machine.memoryMib(), machine.kernel(), machine.jdk(),
                machine.sipp(), machine.kamailio(), machine.loadAtStart()));
        md.append(String.format(Locale.ROOT, "Command: `%s`. %d distinct users, %d s per step, calls held %d ms, "
                        + "warm-up %d s per scenario.%n%n", command, options.users(), options.step().toSeconds(),
                options.hold().toMillis(), options.warmup().toSeconds()));
        md.append("| scenario | ").append(APPLIANCE).append(" | ").append(REFERENCE).append(" | ratio ")
                .append(APPLIANCE).append(" / ").append(REFERENCE).append(" | floor | ").append(APPLIANCE)
                .append(" CPU per op | ").append(REFERENCE).append(" CPU per op |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        for (Scenario s : options.scenarios()) {
            Optional<StepResult> mine = best(ladders, APPLIANCE, s);
            Optional<StepResult> theirs = best(ladders, REFERENCE, s);
            String ratio = mine.isPresent() && theirs.isPresent()
                    ? String.format(Locale.ROOT, "%.2f", (double) mine.get().rate() / theirs.get().rate()) : "-";
            md.append("| ").append(s.unit()).append(" | ").append(rate(ladders, APPLIANCE, s)).append(" | ")
                    .append(rate(ladders, REFERENCE, s)).append(" | ").append(ratio).append(" | ")
                    .append(FLOORS.get(s)).append(" | ").append(micros(mine)).append(" | ").append(micros(theirs))
                    .append(" |\n");
        }
        md.append("\nA rate is the highest step with every call completed, none failed and no retransmission "
                + "(\"≥ max\" when the ladder's top passed, \"< start\" when nothing did). CPU per op is the "
                + "peer's own CPU time (all its threads or processes) per completed operation at that rate.\n");
        for (String note : notes) {
            md.append("\n").append(note).append("\n");
        }
        md.append("\n| peer | scenario | rate/s | ok / offered | failed | retrans | wall s | peer CPU % of a core "
                + "| peer µs/op | machine busy % | load | verdict |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Ladder l : ladders) {
            for (StepResult r : l.outcome().steps()) {
                md.append(String.format(Locale.ROOT, "| %s | %s | %d | %d / %d | %d | %d | %.1f | %.0f | %.0f | %.0f "
                                + "| %.1f | %s |%n", l.peer(), r.scenario(), r.rate(), r.successful(), r.offered(),
                        r.failed(), r.retransmissions(), r.wallSeconds(), r.peerCpuPercent(),
                        r.peerCpuMicrosPerCall(), r.machineBusy(), r.loadAverage(),
                        r.passed() ? "pass" : r.verdict().replace("|", "/")));
            }
        }
        return md.toString();
    }

    private static Optional<StepResult> best(List<Ladder> ladders, String peer, Scenario s) {
        return ladders.stream().filter(l -> l.peer().equals(peer) && l.scenario() == s).findFirst()
                .flatMap(Ladder::best);
    }

    private static String rate(List<Ladder> ladders, String peer, Scenario s) {
        Optional<Ladder> ladder = ladders.stream().filter(l -> l.peer().equals(peer) && l.scenario() == s).findFirst();
        if (ladder.isEmpty()) {
            return "not run";
        }
        List<StepResult> steps = ladder.get().outcome().steps();
        Optional<StepResult> best = ladder.get().best();
        if (best.isEmpty()) {
            return "< " + steps.get(0).rate();
        }
        boolean topPassed = steps.stream().allMatch(StepResult::passed);
        return (topPassed ? "≥ " : "") + best.get().rate();
    }

    private static String micros(Optional<StepResult> r) {
        return r.map(s -> String.format(Locale.ROOT, "%.0f µs", s.peerCpuMicrosPerCall())).orElse("-");
    }
}
