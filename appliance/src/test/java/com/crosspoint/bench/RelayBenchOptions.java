package com.crosspoint.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Command-line options of {@link RelayBench}, {@code --name=value} each, all with defaults.
 *
 * @param calls   the concurrent call counts to step through, in order
 * @param step    how long each count runs per relay
 * @param warmup  a first run per relay at the first count, not judged (the JIT compiles the relay's hot path)
 * @param peers   which of direct, crosspoint, rtpengine to run (direct is the baseline the delay is added to)
 * @param threads forwarding threads of each relay (both get the same)
 * @param rounds  times each count is run per relay (in turn with the others); the median round by p99 is judged,
 *                so a burst of the neighbours' load on a shared machine does not decide alone
 */
record RelayBenchOptions(List<Integer> calls, Duration step, Duration warmup, List<String> peers, int threads,
                         int rounds, Path out) {
    static final String USAGE = """
            usage: RelayBench [--calls=250,500,750,1000,1250,1500] [--step-seconds=20] [--warmup-seconds=15]
                              [--peers=direct,crosspoint,rtpengine] [--threads=2] [--rounds=3] [--out=target/bench]""";

    static RelayBenchOptions parse(String[] args) {
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("not --name=value: " + arg + "\n" + USAGE);
            }
            given.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        RelayBenchOptions options = new RelayBenchOptions(
                Arrays.stream(given.getOrDefault("calls", "250,500,750,1000,1250,1500").split(","))
                        .map(String::trim).map(Integer::valueOf).toList(),
                Duration.ofSeconds(Long.parseLong(given.getOrDefault("step-seconds", "20"))),
                Duration.ofSeconds(Long.parseLong(given.getOrDefault("warmup-seconds", "15"))),
                List.of(given.getOrDefault("peers", "direct,crosspoint,rtpengine").split(",")),
                Integer.parseInt(given.getOrDefault("threads", "2")),
                Integer.parseInt(given.getOrDefault("rounds", "3")),
                Path.of(given.getOrDefault("out", "target/bench")));
        given.keySet().removeAll(List.of("calls", "step-seconds", "warmup-seconds", "peers", "threads", "rounds", "out"));
        if (!given.isEmpty()) {
            throw new IllegalArgumentException("unknown options " + given.keySet() + "\n" + USAGE);
        }
        if (!options.peers().contains("direct")) {
            throw new IllegalArgumentException("the direct baseline must run: added delay is measured against it");
        }
        return options;
    }
}
