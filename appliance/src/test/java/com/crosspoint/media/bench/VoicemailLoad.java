package com.crosspoint.media.bench;

import com.crosspoint.media.play.PromptLibrary;
import com.crosspoint.model.Voicemail;
import com.crosspoint.store.Stores;
import com.crosspoint.store.derby.DerbyStores;
import com.crosspoint.testing.AudioAnalysis;
import com.crosspoint.testing.FreePorts;
import com.crosspoint.testing.RtpTone;
import com.crosspoint.testing.SippProcess;
import com.crosspoint.testing.SippResult;
import com.crosspoint.testing.SippRunner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * End-to-end voicemail load (not a test; docs/benchmarks.md, "Voicemail: concurrent calls end to end"): starts the
 * appliance out of process from the build ({@code appliance/target/classes} and {@code lib}), provisions N users on
 * Do-Not-Disturb through the REST API, and has SIPp place N concurrent calls with digest authentication
 * ({@code sipp/uac-voicemail.xml}, per-call users and RTP ports from a {@code -inf} CSV), each caller calling the next
 * user, so every call is answered by voicemail (greeting, beep, recording). This JVM owns every caller's RTP port:
 * it sends a 1 kHz G.711 µ-law tone from it (symmetric RTP, to where the appliance's RTP comes from) and counts the
 * appliance's packets per call (sequence gaps). With every call up it measures S seconds and prints the appliance's
 * frames due and sent and its pacing clock slip over that window ({@code GET /api/v1/media}, two snapshots
 * subtracted), its CPU from {@code /proc/<pid>/stat}, and the load average; after the calls end, the frames lost at
 * the callers and the recordings committed with their durations.
 *
 * <p>{@code VoicemailLoad [--calls=300] [--seconds=30] [--rate=50] [--warmup=5] [--rtp-base=40000]
 * [--jvm-opts="..."] [--appliance-nice=0] [--keep]}; run from the repository root after
 * {@code mvn -DskipTests package}.
 */
public final class VoicemailLoad {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN_PASSWORD = "vmload-admin-secret";
    private static final String DOMAIN = "vmload.bench.local";
    private static final String SIP_PASSWORD = "vmload-pw";
    private static final int FIRST_EXTENSION = 50001;
    private static final int TONE_HZ = RtpTone.HZ;

    private VoicemailLoad() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        int calls = Integer.parseInt(o.getOrDefault("calls", "300"));
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "30"));
        double rate = Double.parseDouble(o.getOrDefault("rate", "50"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "5"));
        int rtpBase = Integer.parseInt(o.getOrDefault("rtp-base", "40000"));
        List<String> jvmOpts = o.containsKey("jvm-opts") ? List.of(o.get("jvm-opts").trim().split("\\s+")) : List.of();
        boolean keep = o.containsKey("keep");
        // Niceness for the appliance relative to this tool: run the tool (and the SIPp it starts) under
        // `nice -n 10` and pass --appliance-nice=-10, so the load generator yields to the measured appliance.
        int applianceNice = Integer.parseInt(o.getOrDefault("appliance-nice", "0"));

        Path root = repoRoot();
        Path work = root.resolve("appliance/target/vmload")
                .resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Files.createDirectories(work);
        double rampSeconds = calls / rate;
        // Calls stay up through the ramp, the wait for every session, the warm-up and the window, plus a margin.
        long holdMillis = (long) ((rampSeconds + 5 + warmup + seconds + 3) * 1000);
        double greetingSeconds = greetingSeconds();
        System.out.printf(Locale.ROOT, "load tool pid %d (nice %s)%n", ProcessHandle.current().pid(),
                ProcStats.niceOf(ProcessHandle.current().pid()));
        System.out.printf(Locale.ROOT, "VoicemailLoad: %d calls at %.0f/s, hold %.1f s, warm-up %d s, window %d s; "
                        + "greeting+beep %.2f s; work dir %s%n", calls, rate, holdMillis / 1000.0, warmup, seconds,
                greetingSeconds, work);

        MediaWindow window = null;
        boolean sippOk = false;
        long callerLoss = -1;
        try (Appliance app = Appliance.start(root, work, jvmOpts, applianceNice)) {
            Api api = new Api(app.httpPort);
            long t0 = System.nanoTime();
            long tenant = api.post("/tenants", Map.of("name", "VoicemailLoad", "domain", DOMAIN)).get("id").asLong();
            long[] userIds = provision(api, tenant, calls);
            System.out.printf(Locale.ROOT, "provisioned %d users on Do-Not-Disturb via REST in %.1f s%n", calls,
                    (System.nanoTime() - t0) / 1e9);

            try (RtpCallers callers = RtpCallers.open(calls, rtpBase)) {
                Path csv = work.resolve("calls.csv");
                StringBuilder lines = new StringBuilder("SEQUENTIAL\n");
                for (int i = 0; i < calls; i++) {
                    String caller = Integer.toString(FIRST_EXTENSION + i);
                    String callee = Integer.toString(FIRST_EXTENSION + (i + 1) % calls);
                    lines.append(caller).append(";[authentication username=vm").append(FIRST_EXTENSION + i)
                            .append(" password=").append(SIP_PASSWORD).append("];").append(callee).append(';')
                            .append(callers.port(i)).append('\n');
                }
                Files.writeString(csv, lines, StandardCharsets.ISO_8859_1);
                Path scenario = work.resolve("uac-voicemail.xml");
                try (InputStream in = VoicemailLoad.class.getResourceAsStream("/sipp/uac-voicemail.xml")) {
                    Files.copy(in, scenario);
                }
                callers.start();
                double loadAtStart = ProcStats.loadAverage();
                long sippTimeout = (long) (holdMillis / 1000.0 + rampSeconds + 60);
                try (SippProcess sipp = SippRunner.scenarioFile(scenario).name("vmload-" + calls)
                        .remote("127.0.0.1", app.sipPort).calls(calls).rate(rate).concurrentLimit(calls)
                        .callDuration(Duration.ofMillis(holdMillis)).timeout(Duration.ofSeconds(sippTimeout))
                        .args("-inf", csv.toString()).start()) {
                    long allUpBy = System.nanoTime() + (long) ((rampSeconds + 30) * 1e9);
                    JsonNode media = api.get("/media");
                    while (System.nanoTime() < allUpBy && (callers.latched() < calls
                            || media.get("sessionsOpen").asInt() < calls) && sipp.isAlive()) {
                        Thread.sleep(200);
                        media = api.get("/media");
                    }
                    int up = callers.latched();
                    System.out.printf(Locale.ROOT, "calls up: %d callers hear the appliance, %d media sessions open "
                            + "(%.1f s after SIPp started)%n", up, media.get("sessionsOpen").asInt(),
                            (System.nanoTime() - (allUpBy - (long) ((rampSeconds + 30) * 1e9))) / 1e9);
                    Thread.sleep(warmup * 1000L);

                    com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
                    long toolCpu = os.getProcessCpuTime();
                    MediaWindow w = MediaWindow.measure(() -> api.get("/media"), app.pid, callers::received, seconds);
                    toolCpu = os.getProcessCpuTime() - toolCpu;
                    print(w, calls, seconds, loadAtStart);
                    double toolCores = toolCpu / 1e9 / w.wallSeconds;
                    System.out.printf(Locale.ROOT, "load tool (this JVM: callers' RTP) CPU: %.1f %% of one core%n",
                            100.0 * toolCores);
                    System.out.printf(Locale.ROOT, "machine busy in the window: %.2f of %d cores = appliance %.2f + "
                                    + "load tool %.2f + the rest (SIPp, kernel softirq, other users) %.2f%n",
                            w.machineBusyCores, Runtime.getRuntime().availableProcessors(), w.cpuSeconds / w.wallSeconds,
                            toolCores, w.machineBusyCores - w.cpuSeconds / w.wallSeconds - toolCores);
                    window = w;

                    SippResult result = sipp.await();
                    sippOk = result.allSucceeded() && result.statistics() != null
                            && result.statistics().successfulCalls() == calls;
                    System.out.printf(Locale.ROOT, "SIPp: %s%n", result.summary().lines().limit(3)
                            .reduce((a, b) -> a + " | " + b).orElse(""));
                }
                callers.stopSending();
                long idleBy = System.nanoTime() + 30_000_000_000L;
                JsonNode end = api.get("/media");
                while (end.get("sessionsOpen").asInt() > 0 && System.nanoTime() < idleBy) {
                    Thread.sleep(200);
                    end = api.get("/media");
                }
                Thread.sleep(500);
                callerLoss = callers.report();
                System.out.printf(Locale.ROOT, "appliance over the whole run: %d sessions opened, frames sent/due "
                                + "%d/%d, send failures %d, RTP received %d, lost on the way in %d; slip over the "
                                + "whole life p50/p99/max %.2f/%.2f/%.2f ms; tick errors %d%n",
                        end.get("sessionsOpened").asLong(), end.get("rtpSent").asLong(), end.get("framesDue").asLong(),
                        end.get("sendFailures").asLong(), end.get("rtpReceived").asLong(),
                        end.get("packetsLost").asLong(), end.get("slipP50Micros").asLong() / 1000.0,
                        end.get("slipP99Micros").asLong() / 1000.0, end.get("slipMaxMicros").asLong() / 1000.0,
                        end.get("tickErrors").asLong());
            }
            app.stop();
            int committed = recordings(app.dataDir, userIds, holdMillis / 1000.0 - greetingSeconds);
            boolean pass = window != null && sippOk && callerLoss == 0 && window.sendFailures == 0
                    // a snapshot can fall inside a tick (frame counted due, not yet sent): at most one per session
                    && window.due - window.sent <= calls && window.sessionsMin == calls && window.slipP99 <= 2000
                    && committed == calls;
            System.out.printf(Locale.ROOT, "VERDICT N=%d: %s (all calls up and completed: %s, lost at callers: %d, "
                            + "sent/due %d/%d, slip p99 %.2f ms <= 2 ms: %s, recordings %d/%d)%n", calls,
                    pass ? "PASS" : "FAIL", sippOk && window != null && window.sessionsMin == calls, callerLoss,
                    window == null ? 0 : window.sent, window == null ? 0 : window.due,
                    window == null ? 0 : window.slipP99 / 1000.0, window != null && window.slipP99 <= 2000,
                    committed, calls);
        }
        if (!keep) {
            deleteTree(work.resolve("data"));
        }
    }

    private static long[] provision(Api api, long tenant, int calls) throws Exception {
        long[] ids = new long[calls];
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                int n = i;
                done.add(pool.submit(() -> {
                    String ext = Integer.toString(FIRST_EXTENSION + n);
                    Map<String, Object> settings = new HashMap<>();
                    settings.put("doNotDisturb", true);
                    settings.put("doNotDisturbToVoicemail", true);
                    Map<String, Object> user = new HashMap<>();
                    user.put("extension", ext);
                    user.put("displayName", "VM load " + ext);
                    user.put("settings", settings);
                    long id = api.post("/tenants/" + tenant + "/users", user).get("id").asLong();
                    api.post("/tenants/" + tenant + "/users/" + id + "/devices",
                            Map.of("sipUsername", "vm" + ext, "password", SIP_PASSWORD));
                    ids[n] = id;
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return ids;
    }

    /** The appliance's greeting for a user on Do-Not-Disturb ("busy") plus the beep, in seconds. */
    private static double greetingSeconds() throws IOException {
        PromptLibrary prompts = PromptLibrary.english(null);
        int samples = 0;
        for (String name : List.of("vm-busy", "vm-leave-message", "beep")) {
            samples += prompts.samples(name).length;
        }
        return samples / 8000.0;
    }

    private static void print(MediaWindow w, int calls, int seconds, double loadAtStart) {
        System.out.printf(Locale.ROOT, "machine: %d cores, Java %s; load average %.2f at start, %.2f / %.2f around "
                        + "the window%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                loadAtStart, w.loadBefore, w.loadAfter);
        System.out.printf(Locale.ROOT, "window: %.1f s with %d..%d media sessions open (%d calls placed)%n",
                w.wallSeconds, w.sessionsMin, w.sessionsMax, calls);
        System.out.printf(Locale.ROOT, "appliance frames sent/due: %d/%d (%.4f %%), send failures %d; "
                        + "ideal %d (sessions x 50 x s)%n", w.sent, w.due, w.due == 0 ? 0 : 100.0 * w.sent / w.due,
                w.sendFailures, (long) (w.sessionsMax * 50 * w.wallSeconds));
        System.out.printf(Locale.ROOT, "appliance RTP received %d, lost on the way in %d%n", w.rtpReceived,
                w.lostIn);
        System.out.printf(Locale.ROOT, "callers received %d packets of the appliance in the window%n", w.callerPackets);
        System.out.printf(Locale.ROOT, "pacing slip in the window: ticks %d, p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                w.ticks, w.slipP50 / 1000.0, w.slipP99 / 1000.0, w.slipMax / 1000.0);
        System.out.printf(Locale.ROOT, "appliance CPU: %.1f %% of one core = %.1f ms CPU per session-second "
                        + "(%.2f %% of a core per session)%n", 100.0 * w.cpuSeconds / w.wallSeconds,
                1000.0 * w.cpuSeconds / w.sessionsMax / w.wallSeconds, 100.0 * w.cpuSeconds / w.sessionsMax
                        / w.wallSeconds);
    }

    /** Counts the messages in the stopped appliance's store and checks their length and (for a few) the tone. */
    private static int recordings(Path dataDir, long[] userIds, double expectedSeconds) {
        List<Double> durations = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        int missingFiles = 0;
        try (Stores stores = DerbyStores.open(dataDir)) {
            for (long id : userIds) {
                for (Voicemail v : stores.voicemails().listAll(id)) {
                    durations.add(v.durationMillis() / 1000.0);
                    Path f = dataDir.resolve("voicemail").resolve(v.file());
                    if (Files.isRegularFile(f)) {
                        files.add(f);
                    } else {
                        missingFiles++;
                    }
                }
            }
        }
        double[] d = durations.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        long near = durations.stream().filter(x -> Math.abs(x - expectedSeconds) <= 1.5).count();
        System.out.printf(Locale.ROOT, "recordings committed: %d of %d calls (%d files missing); duration min/median/"
                        + "max %.2f/%.2f/%.2f s, expected about %.1f s (hold - greeting - beep); %d within 1.5 s of it%n",
                d.length, userIds.length, missingFiles, d.length == 0 ? 0 : d[0], d.length == 0 ? 0 : d[d.length / 2],
                d.length == 0 ? 0 : d[d.length - 1], expectedSeconds, near);
        int checked = 0;
        int withTone = 0;
        for (int i = 0; i < files.size() && checked < 10; i += Math.max(1, files.size() / 10)) {
            checked++;
            if (AudioAnalysis.read(files.get(i)).containsTone(TONE_HZ)) {
                withTone++;
            }
        }
        System.out.printf(Locale.ROOT, "1 kHz tone found in %d of %d recordings sampled%n", withTone, checked);
        return withTone == checked ? (int) near : -1;
    }

    // ------------------------------------------------------------------------------------------------ appliance

    /** The appliance as its own process, started as an operator starts it, on a fresh data directory. */
    private static final class Appliance implements AutoCloseable {
        final Process process;
        final long pid;
        final int sipPort;
        final int httpPort;
        final Path dataDir;

        private Appliance(Process process, int sipPort, int httpPort, Path dataDir) {
            this.process = process;
            this.pid = process.pid();
            this.sipPort = sipPort;
            this.httpPort = httpPort;
            this.dataDir = dataDir;
        }

        static Appliance start(Path root, Path work, List<String> jvmOpts, int nice) throws Exception {
            Path classes = root.resolve("appliance/target/classes");
            Path lib = root.resolve("appliance/target/lib");
            if (!Files.isDirectory(lib)) {
                throw new IllegalStateException(lib + " missing: run 'mvn -DskipTests package' first");
            }
            Path data = work.resolve("data");
            int sip = FreePorts.udpAndTcp();
            int http = FreePorts.udpAndTcp();
            List<String> command = new ArrayList<>();
            if (nice != 0) {
                command.addAll(List.of("nice", "-n", Integer.toString(nice)));
            }
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOpts);
            command.addAll(List.of("-cp", classes + ":" + lib + "/*", "com.crosspoint.boot.Main", "run"));
            // one tenant places every call: its limit on calls in progress (500) must not cap the load
            command.addAll(List.of("--config", Path.of("bench/load-generator.yaml").toAbsolutePath().toString()));
            Path log = work.resolve("appliance.log");
            ProcessBuilder b = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            b.environment().putAll(Map.of("CROSSPOINT_DATA", data.toString(), "CROSSPOINT_SIP_PORT",
                    Integer.toString(sip), "CROSSPOINT_HTTP_PORT", Integer.toString(http), "CROSSPOINT_BIND",
                    "127.0.0.1", "CROSSPOINT_ADMIN_PASSWORD", ADMIN_PASSWORD, "CROSSPOINT_TURN_PORT", "0", "CROSSPOINT_ROUTER_PORT", "0"));
            Appliance a = new Appliance(b.start(), sip, http, data);
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (!Files.readString(log).contains("Crosspoint is running")) {
                if (!a.process.isAlive() || System.nanoTime() > deadline) {
                    a.close();
                    throw new IllegalStateException("appliance did not start; see " + log);
                }
                Thread.sleep(200);
            }
            System.out.printf("appliance pid %d (nice %s): SIP 127.0.0.1:%d, HTTP %d, log %s%n", a.pid,
                    ProcStats.niceOf(a.pid), sip, http, log);
            return a;
        }

        /** SIGTERM: the shutdown hook closes the stores; SIGKILL after 20 s. */
        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }

        @Override
        public void close() throws InterruptedException {
            if (process.isAlive()) {
                stop();
            }
        }
    }

    /** Admin REST calls with one login. */
    private static final class Api {
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private final String base;
        private volatile String token;

        Api(int port) {
            this.base = "http://127.0.0.1:" + port + "/api/v1";
            this.token = send("POST", "/auth/login", Map.of("username", "admin", "password", ADMIN_PASSWORD))
                    .get("token").asText();
        }

        JsonNode get(String path) {
            return send("GET", path, null);
        }

        JsonNode post(String path, Object body) {
            return send("POST", path, body);
        }

        private JsonNode send(String method, String path, Object body) {
            try {
                HttpRequest.Builder rq = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json");
                if (token != null) {
                    rq.header("Authorization", "Bearer " + token);
                }
                rq.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
                HttpResponse<String> r = http.send(rq.build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() >= 300) {
                    throw new IllegalStateException(method + " " + path + ": " + r.statusCode() + " " + r.body());
                }
                return r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("--")) {
                int eq = a.indexOf('=');
                o.put(eq < 0 ? a.substring(2) : a.substring(2, eq), eq < 0 ? "" : a.substring(eq + 1));
            } else {
                positional.add(a);
            }
        }
        if (!positional.isEmpty()) {
            o.putIfAbsent("calls", positional.get(0));
        }
        if (positional.size() > 1) {
            o.putIfAbsent("seconds", positional.get(1));
        }
        return o;
    }

    private static Path repoRoot() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("appliance/target"))) {
                return p;
            }
        }
        throw new IllegalStateException("run from the repository root (no appliance/target above " + here + ")");
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
