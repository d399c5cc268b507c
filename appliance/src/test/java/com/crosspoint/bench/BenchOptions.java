package com.crosspoint.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Command-line options of {@link SipBench}, {@code --name=value} each; every one has a default.
 *
 * @param peers     "appliance" and/or "kamailio", run in that order
 * @param scenarios which ladders to climb
 * @param jvmOptions extra JVM options for the appliance process (e.g. a flight recording)
 * @param nodeConfig the node configuration file the appliance runs with
 * @param cooldown   pause between steps; null = the peer's own (long enough for its lingering transactions)
 */
record BenchOptions(int users, Duration step, Duration hold, Duration warmup, int registerStart, int registerMax,
                    int callsStart, int callsMax, int refinements, List<String> peers, List<Scenario> scenarios,
                    Path out, List<String> jvmOptions, Path nodeConfig, Duration cooldown) {
    /** The node file the appliance runs with unless another is named: call limits fit for a load generator. */
    static final String LOAD_GENERATOR_CONFIG = "bench/load-generator.yaml";

    static final String USAGE = """
            usage: SipBench [--users=10000] [--step-seconds=20] [--hold-ms=1000] [--warmup-seconds=20]
                            [--register-start=1000] [--register-max=16000] [--calls-start=300] [--calls-max=4800]
                            [--refinements=3] [--peers=appliance,kamailio] [--scenarios=register,calls]
                            [--out=target/bench] [--jvm-opts="-Xmx2g ..."] [--appliance-config=bench/load-generator.yaml]
                            [--cooldown-seconds=N (default: per peer, 35 Crosspoint, 10 Kamailio)]""";

    static BenchOptions parse(String[] args) {
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("not --name=value: " + arg + "\n" + USAGE);
            }
            given.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        Options o = new Options(given);
        BenchOptions parsed = new BenchOptions(o.integer("users", 10_000), o.seconds("step-seconds", 20),
                Duration.ofMillis(o.integer("hold-ms", 1000)), o.seconds("warmup-seconds", 20),
                o.integer("register-start", 1000), o.integer("register-max", 16_000),
                o.integer("calls-start", 300), o.integer("calls-max", 4800), o.integer("refinements", 3),
                o.list("peers", "appliance,kamailio"),
                o.list("scenarios", "register,calls").stream()
                        .map(s -> Scenario.valueOf(s.toUpperCase(Locale.ROOT))).toList(),
                Path.of(o.text("out", "target/bench")), o.words("jvm-opts"),
                Path.of(o.text("appliance-config", LOAD_GENERATOR_CONFIG)),
                o.has("cooldown-seconds") ? o.seconds("cooldown-seconds", 0) : null);
        o.rejectUnused();
        return parsed;
    }

    /** The given values, remembering which were read. */
    private static final class Options {
        private final Map<String, String> given;
        private final List<String> read = new ArrayList<>();

        Options(Map<String, String> given) {
            this.given = given;
        }

        boolean has(String name) {
            return given.containsKey(name);
        }

        String text(String name, String fallback) {
            read.add(name);
            return given.getOrDefault(name, fallback);
        }

        int integer(String name, int fallback) {
            String v = text(name, Integer.toString(fallback));
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " needs a whole number, not " + v, e);
            }
        }

        Duration seconds(String name, int fallback) {
            return Duration.ofSeconds(integer(name, fallback));
        }

        List<String> list(String name, String fallback) {
            return Arrays.stream(text(name, fallback).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }

        List<String> words(String name) {
            return Arrays.stream(text(name, "").split("\\s+")).filter(s -> !s.isEmpty()).toList();
        }

        void rejectUnused() {
            List<String> unknown = given.keySet().stream().filter(k -> !read.contains(k)).sorted().toList();
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("unknown options " + unknown + "\n" + USAGE);
            }
        }
    }
}
