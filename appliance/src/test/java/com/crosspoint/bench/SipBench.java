package com.crosspoint.bench;

import com.crosspoint.testing.HarnessFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * SIPp against Crosspoint and against Kamailio in one session: for each peer, a warm-up, then the highest
 * rate of authenticated REGISTERs (10,000 distinct users) and of B2BUA/proxy call set-ups with no failed call
 * and no retransmission. Everything runs on 127.0.0.1 and every SIPp run is bounded in calls and time.
 * Run it with {@code bench/sip-bench.sh} (see docs/benchmarks.md); writes {@code results.md} and all SIPp
 * logs under {@code --out}.
 */
public final class SipBench {
    /** Warm-up rates: well inside both floors, long enough for the JIT to compile the hot paths. */
    private static final int WARMUP_REGISTER_RATE = 500;
    private static final int WARMUP_CALL_RATE = 100;
    private static final double RESOLUTION = 0.05;

    private SipBench() {
    }

    public static void main(String[] args) {
        BenchOptions options = BenchOptions.parse(args);
        Path out = options.out().resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")))
                .toAbsolutePath();
        createDirectories(out);
        // Before any harness class picks its log directory.
        System.setProperty(HarnessFiles.LOG_DIR_PROPERTY, out.resolve("sipp").toString());
        MachineFacts machine = MachineFacts.collect();
        System.out.println("benchmark output in " + out);
        List<BenchReport.Ladder> ladders = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (String peer : options.peers()) {
            switch (peer) {
                case "appliance" -> runAppliance(options, out, ladders, notes);
                case "kamailio" -> runKamailio(options, ladders, notes);
                default -> throw new IllegalArgumentException("unknown peer " + peer + "\n" + BenchOptions.USAGE);
            }
        }
        String command = "bench/sip-bench.sh" + (args.length == 0 ? "" : " " + String.join(" ", args));
        String report = BenchReport.markdown(machine, options, command, ladders, notes);
        System.out.println();
        System.out.println(report);
        try {
            Files.writeString(out.resolve("results.md"), report, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write results", e);
        }
    }

    private static void runAppliance(BenchOptions options, Path out, List<BenchReport.Ladder> ladders,
                                     List<String> notes) {
        ApplianceTarget target = ApplianceTarget.start(Path.of("").toAbsolutePath(), out.resolve("appliance"),
                options.users(), options.jvmOptions(), options.nodeConfig());
        try {
            climb(target, options, ladders);
        } finally {
            target.close();
        }
        notes.add("Crosspoint's database held " + target.storedBindings() + " bindings after the run ("
                + options.users() + " load users plus the SIPp callee).");
    }

    private static void runKamailio(BenchOptions options, List<BenchReport.Ladder> ladders, List<String> notes) {
        try (KamailioTarget target = KamailioTarget.start()) {
            climb(target, options, ladders);
            notes.add("Kamailio's usrloc held " + target.registeredUsers() + " AoRs after the run.");
        }
    }

    private static void climb(BenchTarget target, BenchOptions options, List<BenchReport.Ladder> ladders) {
        StepRunner runner = new StepRunner(target, options.step(), options.hold(), options.users());
        Duration cooldown = options.cooldown() != null ? options.cooldown() : target.cooldown();
        for (Scenario scenario : options.scenarios()) {
            System.out.println(target.name() + ": warm-up " + scenario);
            StepResult warm = scenario == Scenario.REGISTER
                    ? runner.register(WARMUP_REGISTER_RATE, options.warmup(), "warmup-reg")
                    : runner.calls(WARMUP_CALL_RATE, options.warmup(), "warmup-calls");
            System.out.println("  " + BenchReport.stepLine(warm));
            Pause.of(cooldown);
            RateLadder ladder = scenario == Scenario.REGISTER
                    ? new RateLadder(options.registerStart(), options.registerMax(), options.refinements(),
                            RESOLUTION, cooldown)
                    : new RateLadder(options.callsStart(), options.callsMax(), options.refinements(),
                            RESOLUTION, cooldown);
            System.out.println(target.name() + ": " + scenario.unit());
            RateLadder.Outcome outcome = ladder.climb(rate -> scenario == Scenario.REGISTER
                    ? runner.register(rate) : runner.calls(rate));
            ladders.add(new BenchReport.Ladder(target.name(), scenario, outcome));
            Pause.of(cooldown);
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }
}
