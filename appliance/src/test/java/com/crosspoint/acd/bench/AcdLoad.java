package com.crosspoint.acd.bench;

import com.crosspoint.bench.LatencyHistogram;
import com.crosspoint.media.bench.LoopbackCapture;
import com.crosspoint.media.bench.MediaWindow;
import com.crosspoint.media.bench.ProcStats;
import com.crosspoint.media.bench.RtpCallers;
import com.crosspoint.media.bench.WireSlip;
import com.crosspoint.testing.AdminApi;
import com.crosspoint.testing.ApplianceProcess;
import com.crosspoint.testing.FreePorts;
import com.crosspoint.testing.SippProcess;
import com.crosspoint.testing.SippRunner;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The contact center under load (not a test; docs/benchmarks.md, "Contact center: chats and queued calls"): the
 * appliance out of process from the build with {@code bench/acd-bench.yaml}; through its REST API a tenant with
 * agents, callers, a chat queue and a voice queue nobody answers; SIPp callers waiting in the voice queue (position
 * announcements and music on hold), their RTP owned by {@link RtpCallers}, which stamps each packet's arrival;
 * agents on the dashboard's API and event stream ({@link BenchAgent}) accepting every chat; visitors on
 * {@code /chat/ws} ({@link BenchVisitor}) each saying a stamped message every interval. Over a window it measures
 * visitor → agent delivery, the hold audio's arrival slip at the callers and the appliance's own pacing slip, CPU
 * and the machine's load; after it, every message sent must have reached its agent.
 *
 * <p>{@code AcdLoad [--visitors=1000] [--agents=50] [--calls=200] [--seconds=60] [--warmup=15]
 * [--message-interval-ms=5000] [--call-rate=20] [--visitor-rate=100] [--announce-seconds=15] [--rtp-base=42000]
 * [--jvm-opts="..."] [--appliance-nice=0] [--receiver-nice=0] [--wire=on|off]}; {@code --wire=on} (the default)
 * captures the window's hold audio on loopback with tcpdump ({@link LoopbackCapture}) and judges the slip by the
 * kernel's stamps ({@link WireSlip}), which leave out the tool's own scheduling; from the repository root after
 * {@code mvn -DskipTests package}.
 */
public final class AcdLoad {
    private static final String ADMIN_PASSWORD = "acdload-admin-secret";
    private static final int HTTP_CLIENTS = 8;
    private static final double DELIVERY_P99_MILLIS = 100;
    private static final double SLIP_P99_MILLIS = 2;

    private AcdLoad() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        int visitors = Integer.parseInt(o.getOrDefault("visitors", "1000"));
        int agents = Integer.parseInt(o.getOrDefault("agents", "50"));
        int calls = Integer.parseInt(o.getOrDefault("calls", "200"));
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "60"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "15"));
        int intervalMs = Integer.parseInt(o.getOrDefault("message-interval-ms", "5000"));
        double callRate = Double.parseDouble(o.getOrDefault("call-rate", "20"));
        double visitorRate = Double.parseDouble(o.getOrDefault("visitor-rate", "100"));
        int announceSeconds = Integer.parseInt(o.getOrDefault("announce-seconds", "15"));
        int rtpBase = Integer.parseInt(o.getOrDefault("rtp-base", "42000"));
        int applianceNice = Integer.parseInt(o.getOrDefault("appliance-nice", "0"));

        Path work = Path.of("appliance/target/acdload")
                .resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))).toAbsolutePath();
        Files.createDirectories(work);
        System.out.printf(Locale.ROOT, "AcdLoad: %d visitors (one message each %d ms once answered), %d agents, %d "
                        + "queued calls; warm-up %d s, window %d s; machine %d cores, Java %s, load %s; tool pid %d "
                        + "(nice %s); work dir %s%n", visitors, intervalMs, agents, calls, warmup, seconds,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Files.readString(Path.of("/proc/loadavg")).trim(), ProcessHandle.current().pid(),
                ProcStats.niceOf(ProcessHandle.current().pid()), work);

        // bin/crosspoint's option (the NIO selector's boxed descriptors come from the cache), then the caller's
        Map<String, String> env = Map.of("CROSSPOINT_ADMIN_PASSWORD", ADMIN_PASSWORD, "JAVA_TOOL_OPTIONS",
                ("-XX:AutoBoxCacheMax=65536 " + o.getOrDefault("jvm-opts", "")).trim());
        List<String> prefix = applianceNice == 0 ? List.of()
                : List.of("nice", "-n", Integer.toString(applianceNice));
        int httpPort = FreePorts.udpAndTcp();
        try (ApplianceProcess app = ApplianceProcess.start(Path.of("appliance/target"), work.resolve("data"),
                FreePorts.udpAndTcp(), httpPort, env, prefix,
                List.of("--config", Path.of("bench/acd-bench.yaml").toAbsolutePath().toString()))) {
            System.out.printf(Locale.ROOT, "appliance pid %d (nice %s), HTTP %d%n", app.pid(),
                    ProcStats.niceOf(app.pid()), httpPort);
            AdminApi api = new AdminApi(httpPort, "admin", ADMIN_PASSWORD);
            long t0 = System.nanoTime();
            ContactCenterSetup.provision(api, agents, calls, announceSeconds);
            System.out.printf(Locale.ROOT, "provisioned %d agents, %d callers and 2 queues via REST in %.1f s%n",
                    agents, calls, (System.nanoTime() - t0) / 1e9);
            run(o, app, api, visitors, agents, calls, seconds, warmup, intervalMs, callRate, visitorRate, rtpBase,
                    work);
        }
    }

    private static void run(Map<String, String> o, ApplianceProcess app, AdminApi api, int visitorCount,
                            int agentCount, int calls, int seconds, int warmup, int intervalMs, double callRate,
                            double visitorRate, int rtpBase, Path work) throws Exception {
        try (RtpCallers callers = RtpCallers.open(calls, rtpBase);
             SippProcess sipp = startCallers(app, callers, calls, callRate, work)) {
            if (o.containsKey("receiver-nice")) {
                callers.receiverNice(Integer.parseInt(o.get("receiver-nice")));
            }
            callers.start();
            long upBy = System.nanoTime() + (long) ((calls / callRate + 30) * 1e9);
            while (System.nanoTime() < upBy && sipp.isAlive() && (callers.latched() < calls
                    || api.get("/media").get("sessionsOpen").asInt() < calls)) {
                Thread.sleep(200);
            }
            System.out.printf(Locale.ROOT, "calls waiting in queue %s: %d callers hear the appliance, %d media "
                    + "sessions open%n", ContactCenterSetup.VOICE_QUEUE, callers.latched(),
                    api.get("/media").get("sessionsOpen").asInt());

            Deliveries deliveries = new Deliveries();
            AtomicInteger accepted = new AtomicInteger();
            Problems agentProblems = new Problems();
            Problems visitorProblems = new Problems();
            List<HttpClient> clients = new ArrayList<>();
            for (int i = 0; i < HTTP_CLIENTS; i++) {
                clients.add(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
            }
            List<BenchAgent> agents = new ArrayList<>();
            for (int i = 0; i < agentCount; i++) {
                agents.add(BenchAgent.login(clients.get(i % HTTP_CLIENTS), app.httpPort(), ContactCenterSetup.DOMAIN,
                        Integer.toString(ContactCenterSetup.FIRST_AGENT + i), ContactCenterSetup.AGENT_PASSWORD,
                        deliveries, accepted, agentProblems));
            }
            System.out.printf(Locale.ROOT, "%d agents logged in, chats on, event streams open%n", agents.size());

            List<BenchVisitor> visitors = openVisitors(clients, app.httpPort(), visitorCount, visitorRate, deliveries,
                    visitorProblems);
            ScheduledExecutorService beat = Executors.newScheduledThreadPool(2);
            for (BenchVisitor v : visitors) {
                beat.scheduleAtFixedRate(() -> v.tick(true), ThreadLocalRandom.current().nextInt(intervalMs),
                        intervalMs, TimeUnit.MILLISECONDS);
            }
            long answeredBy = System.nanoTime() + 60_000_000_000L;
            while (System.nanoTime() < answeredBy && visitors.stream().filter(BenchVisitor::active).count()
                    < visitors.size()) {
                Thread.sleep(200);
            }
            long active = visitors.stream().filter(BenchVisitor::active).count();
            System.out.printf(Locale.ROOT, "%d of %d visitors answered (%d accepts), warm-up %d s%n", active,
                    visitors.size(), accepted.get(), warmup);
            Thread.sleep(warmup * 1000L);

            TimerProbe probe = new TimerProbe();
            LoopbackCapture wire = o.getOrDefault("wire", "on").equals("off") ? null
                    : LoopbackCapture.start(work.resolve("hold-audio.pcap"), callers.port(0),
                    callers.port(calls - 1));
            deliveries.window(true);
            callers.measureSlip(true);
            probe.measure(true);
            MediaWindow w = MediaWindow.measure(() -> api.get("/media"), app.pid(), callers::received, seconds);
            probe.measure(false);
            callers.measureSlip(false);
            deliveries.window(false);
            probe.close();
            WireSlip onWire = null;
            if (wire != null) {
                wire.close();
                onWire = WireSlip.read(wire.file(), callers.port(0), callers.port(calls - 1));
                System.out.printf(Locale.ROOT, "loopback capture of the window: %s; %d RTP packets in %d streams, "
                        + "%d seen twice, %d timestamp steps other than 20 ms%n", wire.summary(), onWire.packets(),
                        onWire.streams(), onWire.duplicates(), onWire.oddSteps());
            }
            long activeAfter = visitors.stream().filter(v -> v.active() && !v.closed()).count();
            beat.shutdownNow();
            long drainBy = System.nanoTime() + 10_000_000_000L;
            while (deliveries.missing() > 0 && System.nanoTime() < drainBy) {
                Thread.sleep(100);
            }
            Verdict verdict = new Verdict(visitors.size(), active, activeAfter, calls, w, deliveries,
                    callers.slip(), onWire == null ? null : onWire.slip(), visitorProblems, agentProblems);
            verdict.print(seconds);
            LatencyHistogram late = probe.late();
            System.out.printf(Locale.ROOT, "a bare 20 ms timer thread in the tool (%d ticks): late p50 %.2f ms, p99 "
                            + "%.2f ms, max %.2f ms%n", late.count(), late.percentileMillis(50),
                    late.percentileMillis(99), late.percentileMillis(100));
            System.out.printf(Locale.ROOT, "hold audio: %d packet pairs in the window with a timestamp step other "
                    + "than 20 ms%n", callers.oddTimestampSteps());
            System.out.println("agents after the window: " + agentStates(api));
            callers.report();

            visitors.forEach(BenchVisitor::end);
            agents.forEach(BenchAgent::leave);
            callers.stopSending();
        }
    }

    /** Agents by status (and pause reason), with the chats they hold: an offer left too long pauses its agent. */
    private static String agentStates(AdminApi api) {
        Map<String, Integer> byStatus = new TreeMap<>();
        int chats = 0;
        for (JsonNode a : api.get("/tenants/" + api.tenantId(ContactCenterSetup.DOMAIN) + "/agents")) {
            String pause = a.path("pauseReason").asText("");
            byStatus.merge(a.path("status").asText() + (pause.isEmpty() || pause.equals("null") ? "" : " (" + pause
                    + ")"), 1, Integer::sum);
            chats += a.path("chats").asInt();
        }
        return byStatus + ", holding " + chats + " chats";
    }

    private static SippProcess startCallers(ApplianceProcess app, RtpCallers callers, int calls, double rate,
                                            Path work) throws Exception {
        StringBuilder csv = new StringBuilder("SEQUENTIAL\n");
        for (int i = 0; i < calls; i++) {
            int ext = ContactCenterSetup.FIRST_CALLER + i;
            csv.append(ext).append(";[authentication username=c").append(ext).append(" password=")
                    .append(ContactCenterSetup.SIP_PASSWORD).append("];").append(ContactCenterSetup.VOICE_QUEUE)
                    .append(';').append(callers.port(i)).append('\n');
        }
        Path file = work.resolve("callers.csv");
        Files.writeString(file, csv, StandardCharsets.ISO_8859_1);
        // held far longer than the run: the run ends them by stopping SIPp and the appliance
        return SippRunner.scenario("sipp/uac-voicemail.xml").name("acdload-" + calls)
                .remote("127.0.0.1", app.sipPort()).calls(calls).rate(rate).concurrentLimit(calls)
                .callDuration(Duration.ofHours(1)).timeout(Duration.ofHours(2)).args("-inf", file.toString()).start();
    }

    private static List<BenchVisitor> openVisitors(List<HttpClient> clients, int httpPort, int count, double rate,
                                                   Deliveries deliveries, Problems problems) throws Exception {
        List<CompletableFuture<BenchVisitor>> opening = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + (long) (i / rate * 1e9);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            opening.add(BenchVisitor.open(clients.get(i % clients.size()), httpPort, ContactCenterSetup.DOMAIN,
                    ContactCenterSetup.CHAT_QUEUE, i, deliveries, problems));
        }
        List<BenchVisitor> open = new ArrayList<>();
        for (CompletableFuture<BenchVisitor> f : opening) {
            try {
                open.add(f.get(30, TimeUnit.SECONDS));
            } catch (Exception e) {
                problems.count("visitor connect " + e.getClass().getSimpleName());
            }
        }
        System.out.printf(Locale.ROOT, "%d of %d visitors connected and started a chat in %.1f s%n", open.size(),
                count, (System.nanoTime() - start) / 1e9);
        return open;
    }

    /** The figures of the run against the targets. */
    private record Verdict(int visitors, long answered, long stillActive, int calls, MediaWindow w,
                           Deliveries deliveries, LatencyHistogram slip, LatencyHistogram wireSlip,
                           Problems visitorProblems, Problems agentProblems) {
        void print(int seconds) {
            LatencyHistogram latency = deliveries.latency();
            System.out.printf(Locale.ROOT, "window: %.1f s; load average %.2f before, %.2f after; machine busy %.2f "
                            + "of %d cores, appliance %.2f cores%n", w.wallSeconds, w.loadBefore, w.loadAfter,
                    w.machineBusyCores, Runtime.getRuntime().availableProcessors(), w.cpuSeconds / w.wallSeconds);
            System.out.printf(Locale.ROOT, "chat: %d visitors answered, %d still in their chat after the window; "
                            + "messages sent %d (%d in the window, %.0f/s), arrived %d, missing %d, duplicates %d; "
                            + "visitors' problems %s; agents' problems %s%n", answered, stillActive, deliveries.sent(),
                    deliveries.sentInWindow(), deliveries.sentInWindow() / w.wallSeconds, deliveries.arrived(),
                    deliveries.missing(), deliveries.duplicates(), visitorProblems, agentProblems);
            System.out.printf(Locale.ROOT, "delivery visitor -> agent in the window (%d messages): p50 %.2f ms, "
                            + "p99 %.2f ms, p99.9 %.2f ms, max %.2f ms%n", latency.count(),
                    latency.percentileMillis(50), latency.percentileMillis(99), latency.percentileMillis(99.9),
                    latency.percentileMillis(100));
            System.out.printf(Locale.ROOT, "hold audio at the callers (%d packet pairs): arrival slip p50 %.3f ms, "
                            + "p99 %.3f ms, p99.9 %.3f ms, max %.3f ms%n", slip.count(), slip.percentileMillis(50),
                    slip.percentileMillis(99), slip.percentileMillis(99.9), slip.percentileMillis(100));
            if (wireSlip != null) {
                System.out.printf(Locale.ROOT, "hold audio on the wire, the kernel's stamps (%d packet pairs): slip "
                                + "p50 %.3f ms, p99 %.3f ms, p99.9 %.3f ms, max %.3f ms%n", wireSlip.count(),
                        wireSlip.percentileMillis(50), wireSlip.percentileMillis(99), wireSlip.percentileMillis(99.9),
                        wireSlip.percentileMillis(100));
            }
            System.out.printf(Locale.ROOT, "appliance media in the window: %d..%d sessions, frames sent/due %d/%d, "
                            + "send failures %d; pacing slip p50 %.2f ms, p99 %.2f ms, max %.2f ms; callers received "
                            + "%d packets%n", w.sessionsMin, w.sessionsMax, w.sent, w.due, w.sendFailures,
                    w.slipP50 / 1000.0, w.slipP99 / 1000.0, w.slipMax / 1000.0, w.callerPackets);
            boolean chatsOk = answered == visitors && stillActive == visitors;
            boolean callsOk = w.sessionsMin >= calls && w.callerPackets >= (long) calls * 50 * seconds * 99 / 100;
            boolean latencyOk = latency.count() > 0 && latency.percentileMillis(99) <= DELIVERY_P99_MILLIS;
            boolean lossOk = deliveries.missing() == 0 && deliveries.duplicates() == 0;
            boolean slipOk = slip.count() > 0 && slip.percentileMillis(99) <= SLIP_P99_MILLIS;
            // the figure of record is the kernel's (the appliance's audio as it reaches the callers' sockets);
            // without a capture, the receive thread's stamps, which add the tool's own scheduling
            boolean wireOk = wireSlip != null && wireSlip.count() >= slip.count() * 99 / 100
                    && wireSlip.percentileMillis(99) <= SLIP_P99_MILLIS;
            boolean audioOk = wireSlip == null ? slipOk : wireOk;
            System.out.printf(Locale.ROOT, "VERDICT: %s (every visitor answered and chatting: %s; every call "
                            + "waiting and hearing audio: %s; delivery p99 <= %.0f ms: %s; 0 messages lost: %s; "
                            + "hold audio slip p99 <= %.0f ms on the wire: %s, at the tool's receive thread: %s)%n",
                    chatsOk && callsOk && latencyOk && lossOk && audioOk ? "PASS" : "FAIL", chatsOk, callsOk,
                    DELIVERY_P99_MILLIS, latencyOk, lossOk, SLIP_P99_MILLIS,
                    wireSlip == null ? "not captured" : wireOk, slipOk);
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new LinkedHashMap<>();
        for (String a : args) {
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("options are --name=value, got " + a);
            }
            int eq = a.indexOf('=');
            o.put(eq < 0 ? a.substring(2) : a.substring(2, eq), eq < 0 ? "" : a.substring(eq + 1));
        }
        return o;
    }
}
