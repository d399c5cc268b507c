package com.crosspoint.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Configures and runs SIPp 3.6.1 (Debian package sip-tester) with a scenario from the test resources
 * ({@code sipp/*.xml}) or a file. Every run gets its own log directory under {@code target/harness-logs}
 * holding the scenario, the generated users CSV, {@code stat.csv}, {@code screen.log}, {@code errors.log}
 * and (with {@link #traceMessages}) {@code messages.log}. Runs are bounded by SIPp's {@code -timeout} and,
 * as a backstop, by the harness killing the process 15 s later.
 *
 * <p>Built-in scenarios in {@code sipp/}:
 * <ul>
 *   <li>{@code register-digest.xml}: REGISTER, 401, REGISTER with credentials, 200. Users from {@link #users}.</li>
 *   <li>{@code uac-call.xml}: INVITE (optional 401/407 challenge answered with credentials), 100/180/183,
 *       200, ACK and BYE routed by the Record-Route set, pause ({@link #callDuration}), 200 for BYE.
 *       Caller and callee from {@link #users}.</li>
 *   <li>{@code uas-answer.xml}: answers INVITE with 180 and 200+SDP (echoing Record-Route), waits for ACK and
 *       BYE. SIPp's server mode cannot send REGISTER, so register it first with {@link #registerThenServe}.</li>
 * </ul>
 */
public final class SippRunner {

    private static final Duration KILL_MARGIN = Duration.ofSeconds(15);

    private final String scenarioName;
    private final String scenarioResource;
    private final Path scenarioFile;
    private String remote;
    private int localPort;
    private List<SippUser> users = List.of();
    private String userOrder = "SEQUENTIAL";
    private int calls = 1;
    private Double rate;
    private Integer concurrentLimit;
    private Duration callDuration;
    private Duration timeout = Duration.ofSeconds(60);
    private boolean traceMessages;
    private String name;
    private final List<String> extraArgs = new ArrayList<>();

    private SippRunner(String scenarioName, String scenarioResource, Path scenarioFile) {
        this.scenarioName = scenarioName;
        this.scenarioResource = scenarioResource;
        this.scenarioFile = scenarioFile;
        this.name = scenarioName.replaceAll("\\.xml$", "");
    }

    /** A scenario from the test classpath, e.g. {@code "sipp/uac-call.xml"}. */
    public static SippRunner scenario(String resource) {
        return new SippRunner(Path.of(resource).getFileName().toString(), resource, null);
    }

    public static SippRunner scenarioFile(Path file) {
        return new SippRunner(file.getFileName().toString(), null, file);
    }

    /**
     * Runs a REGISTER-only {@code register-digest.xml} for {@code user} from {@code localPort} against
     * {@code registrar}, then starts {@code uas-answer.xml} on the same port, so the registrar's binding for the
     * user points at the SIPp UAS. SIPp's UAS mode cannot send requests, and a UAC-mode scenario cannot accept
     * INVITEs with a new Call-ID, hence two runs on one port.
     *
     * @param calls number of calls the UAS handles before it exits by itself
     * @throws AssertionError if the registration run fails
     */
    public static SippProcess registerThenServe(String registrarHost, int registrarPort, SippUser user,
            int localPort, int calls, Duration timeout) {
        SippResult registration = scenario("sipp/register-digest.xml").name("uas-register-" + user.user())
                .remote(registrarHost, registrarPort).localPort(localPort).users(List.of(user)).calls(1)
                .timeout(Duration.ofSeconds(15)).run();
        if (!registration.allSucceeded()) {
            throw new AssertionError("SIPp UAS registration of " + user.user() + " failed: " + registration.summary());
        }
        return scenario("sipp/uas-answer.xml").name("uas-" + user.user()).localPort(localPort).calls(calls)
                .timeout(timeout).start();
    }

    /** Destination (proxy/registrar/UAS); omit for a UAS scenario. */
    public SippRunner remote(String host, int port) {
        this.remote = host + ":" + port;
        return this;
    }

    /** Local SIP port ({@code -p}); default: a free port. */
    public SippRunner localPort(int port) {
        this.localPort = port;
        return this;
    }

    /** Users written to a CSV and passed with {@code -inf}, read in {@code SEQUENTIAL} order. */
    public SippRunner users(List<SippUser> users) {
        this.users = List.copyOf(users);
        return this;
    }

    /** CSV order keyword: SEQUENTIAL, RANDOM or USER. */
    public SippRunner userOrder(String order) {
        this.userOrder = Objects.requireNonNull(order);
        return this;
    }

    /** Total calls ({@code -m}); SIPp exits when they are done. */
    public SippRunner calls(int calls) {
        this.calls = calls;
        return this;
    }

    /** New calls per second ({@code -r}). */
    public SippRunner rate(double callsPerSecond) {
        this.rate = callsPerSecond;
        return this;
    }

    /** Maximum simultaneous calls ({@code -l}). */
    public SippRunner concurrentLimit(int limit) {
        this.concurrentLimit = limit;
        return this;
    }

    /** Length of {@code <pause/>} ({@code -d}), i.e. how long uac-call.xml holds the call. */
    public SippRunner callDuration(Duration duration) {
        this.callDuration = duration;
        return this;
    }

    /** SIPp's global timeout; an expired run counts as failed ({@code -timeout_error}). Default 60 s. */
    public SippRunner timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    /** Writes every sent/received message to {@code messages.log} (costly under load). */
    public SippRunner traceMessages(boolean enabled) {
        this.traceMessages = enabled;
        return this;
    }

    /** Label for the log directory. */
    public SippRunner name(String name) {
        this.name = Objects.requireNonNull(name);
        return this;
    }

    /** Additional raw SIPp arguments, e.g. {@code "-t", "t1"}. */
    public SippRunner args(String... args) {
        extraArgs.addAll(List.of(args));
        return this;
    }

    /** Runs to completion (bounded by the timeout). Skips the calling test if sipp is not installed. */
    public SippResult run() {
        try (SippProcess process = start()) {
            return process.await();
        }
    }

    /** Starts SIPp in the background, e.g. a UAS; {@link SippProcess#close()} kills it if still running. */
    public SippProcess start() {
        String binary = Executables.require("sipp");
        Path logDir = HarnessFiles.logDir("sipp-" + name);
        Path scenario = logDir.resolve(scenarioName);
        copyScenario(scenario);
        List<String> command = new ArrayList<>(List.of(binary));
        if (remote != null) {
            command.add(remote);
        }
        command.addAll(List.of("-sf", scenario.toString(), "-i", "127.0.0.1",
                "-p", Integer.toString(localPort != 0 ? localPort : FreePorts.udpAndTcp()),
                // SIPp binds its media port and media+2, and a UDP control port (on 0.0.0.0, default 8888):
                // give each run its own so parallel runs do not collide.
                "-mp", Integer.toString(FreePorts.consecutive(4)),
                "-cp", Integer.toString(FreePorts.udpAndTcp()),
                "-m", Integer.toString(calls), "-nostdin",
                "-timeout", Math.max(1, timeout.toSeconds()) + "s", "-timeout_error",
                "-trace_stat", "-stf", logDir.resolve("stat.csv").toString(), "-fd", "1",
                "-trace_err", "-error_file", logDir.resolve("errors.log").toString(),
                "-trace_screen", "-screen_file", logDir.resolve("screen.log").toString()));
        if (!users.isEmpty()) {
            command.addAll(List.of("-inf", writeUsers(logDir).toString()));
        }
        if (rate != null) {
            command.addAll(List.of("-r", String.format(Locale.ROOT, "%s", rate)));
        }
        if (concurrentLimit != null) {
            command.addAll(List.of("-l", Integer.toString(concurrentLimit)));
        }
        if (callDuration != null) {
            command.addAll(List.of("-d", Long.toString(callDuration.toMillis())));
        }
        if (traceMessages) {
            command.addAll(List.of("-trace_msg", "-message_file", logDir.resolve("messages.log").toString()));
        }
        command.addAll(extraArgs);
        ExternalProcess process = ExternalProcess.start("sipp-" + name, command, logDir,
                logDir.resolve("sipp.log"), false, line -> { });
        return new SippProcess(process, logDir, timeout.plus(KILL_MARGIN));
    }

    private void copyScenario(Path target) {
        try {
            if (scenarioFile != null) {
                Files.copy(scenarioFile, target);
                return;
            }
            try (InputStream in = SippRunner.class.getClassLoader().getResourceAsStream(scenarioResource)) {
                if (in == null) {
                    throw new IllegalArgumentException("no SIPp scenario resource " + scenarioResource);
                }
                Files.copy(in, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy scenario to " + target, e);
        }
    }

    private Path writeUsers(Path logDir) {
        StringBuilder csv = new StringBuilder(userOrder).append('\n');
        users.forEach(u -> csv.append(u.csvLine()).append('\n'));
        Path file = logDir.resolve("users.csv");
        try {
            Files.writeString(file, csv, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }
}
