package com.crosspoint.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.proxy.Proxy;
import com.crosspoint.proxy.core.RoutingDecision;
import com.crosspoint.proxy.core.TargetResolver;
import com.crosspoint.proxy.wire.ScanOutcome;
import com.crosspoint.testing.FreePorts;
import com.crosspoint.testing.SippProcess;
import com.crosspoint.testing.SippResult;
import com.crosspoint.testing.SippRunner;
import com.crosspoint.testing.TortureClient;
import com.crosspoint.testing.TortureClient.Reply;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every RFC 4475 torture message, random garbage, an oversize datagram, a header bomb and an
 * unframeable TCP stream against the proxy's port: invalid messages are refused or dropped and
 * never forwarded, valid requests are forwarded (to a plain UDP socket standing in for a carrier)
 * or answered as §16.3 says, and a SIPp call through the proxy works afterwards.
 */
class ProxyTortureIT {
    private static final Duration REPLY_WAIT = Duration.ofMillis(300);
    private static final Pattern CALL_ID = Pattern.compile("(?im)^(?:call-id|i)[ \\t]*:[ \\t]*(\\S+)");
    /** §3.1.2.12: a liberal element forwards a Date it has no use for. */
    private static final Set<String> LIBERAL = Set.of("baddate.dat");
    /** Valid, with a pre-loaded Route to 127.0.0.1:5080: the proxy follows the Route, not its resolver. */
    private static final Set<String> ROUTED_ELSEWHERE = Set.of("mpart01.dat");

    @Test
    void tortureAndGarbageAreRefusedOrDroppedAndCallsStillGoThrough() throws IOException {
        int uasPort = FreePorts.udpAndTcp();
        try (DatagramSocket carrier = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             SippProcess uas = SippRunner.scenario("sipp/uas-answer.xml").name("proxy-uas-torture").localPort(uasPort)
                .calls(1).timeout(Duration.ofSeconds(60)).start();
             Proxy proxy = Proxy.start(ProxyHarness.settings(), resolver(carrier.getLocalPort(), uasPort));
             TortureClient torture = new TortureClient("127.0.0.1", proxy.port())) {
            List<String> problems = new ArrayList<>();
            Set<String> branches = new HashSet<>();
            for (String[] row : index()) {
                String file = row[0];
                String verdict = TortureClient.normaliseVerdict(row[3]);
                byte[] message = TortureClient.withUniqueBranch(resource(file), branches, "-" + file.replace(".dat", ""));
                String text = new String(message, StandardCharsets.ISO_8859_1);
                boolean response = text.startsWith("SIP/2.0");
                List<Integer> codes = torture.exchange(message, REPLY_WAIT).stream().map(Reply::status).distinct().toList();
                boolean forwarded = forwardedTo(carrier, callId(text));
                boolean valid = verdict.startsWith("valid") || LIBERAL.contains(file);
                if (response && (forwarded || !codes.isEmpty())) {
                    problems.add(file + " (a response not sent through us) was not dropped: " + codes + " forwarded=" + forwarded);
                } else if (!response && !valid && (forwarded || codes.stream().anyMatch(c -> c < 300 && c >= 200))) {
                    problems.add(file + " (invalid) was accepted: " + codes + " forwarded=" + forwarded);
                } else if (ROUTED_ELSEWHERE.contains(file) && (forwarded || !codes.stream().allMatch(c -> c < 200))) {
                    problems.add(file + " should have followed its Route: " + codes + " forwarded=" + forwarded);
                } else if (!response && valid && !ROUTED_ELSEWHERE.contains(file) && !forwarded
                        && codes.stream().noneMatch(c -> c >= 300)) {
                    problems.add(file + " (" + verdict + ") was neither forwarded nor answered: " + codes);
                }
                if (EdgeTorture.EXACT.containsKey(file) && !codes.contains(EdgeTorture.EXACT.get(file))) {
                    problems.add(file + " expected " + EdgeTorture.EXACT.get(file) + " got " + codes);
                }
            }
            sendGarbage(torture);
            assertThat(problems).isEmpty();
            assertThat(forwardedTo(carrier, null)).as("no garbage reached the carrier").isFalse();
            assertThat(proxy.counters().refusals()).containsKey(ScanOutcome.TOO_MANY_HEADERS)
                    .containsKey(ScanOutcome.BAD_NAME_ADDR).containsKey(ScanOutcome.DUPLICATE_HEADER);
            assertThat(unframeableStreamIsClosed(proxy.port())).isTrue();

            SippResult call = SippRunner.scenario("sipp/proxy-uac.xml").name("proxy-uac-after-torture")
                    .remote("127.0.0.1", proxy.port()).calls(1).callDuration(Duration.ofMillis(100))
                    .timeout(Duration.ofSeconds(20)).args("-s", "bob").run();
            assertThat(call.allSucceeded()).as(call.summary()).isTrue();
            assertThat(uas.await().statistics().successfulCalls()).isEqualTo(1);
        }
    }

    /** Calls to bob go to the SIPp callee; everything else to the plain socket that records what arrives. */
    private static TargetResolver resolver(int carrierPort, int uasPort) {
        RoutingDecision toCarrier = RoutingDecision.Targets.of(List.of(ProxyHarness.udp(carrierPort)));
        RoutingDecision toUas = RoutingDecision.Targets.of(List.of(ProxyHarness.udp(uasPort)));
        return (request, from) -> request.requestUri().startsWith("sip:bob@") ? toUas : toCarrier;
    }

    private static void sendGarbage(TortureClient torture) {
        Random random = new Random(4475);
        for (int i = 0; i < 20; i++) {
            byte[] junk = new byte[1 + random.nextInt(1400)];
            random.nextBytes(junk);
            torture.exchange(junk, Duration.ofMillis(20));
        }
        byte[] huge = new byte[65_000];
        Arrays.fill(huge, (byte) 'A');
        torture.exchange(huge, Duration.ofMillis(100));
        torture.exchange("INVITE sip:x@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1;branch=z9hG4bKtrunc\r\n"
                .getBytes(StandardCharsets.US_ASCII), Duration.ofMillis(100));
        torture.exchange(("OPTIONS sip:x@127.0.0.1 SIP/2.0\r\n" + "X-Bomb: a\r\n".repeat(4000) + "\r\n")
                .getBytes(StandardCharsets.US_ASCII), Duration.ofMillis(100));
    }

    /** 70 KB on TCP without an end of headers: the proxy gives up on the stream and closes it. */
    private static boolean unframeableStreamIsClosed(int port) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(3000);
            byte[] chunk = new byte[7000];
            Arrays.fill(chunk, (byte) 'x');
            try {
                for (int i = 0; i < 10; i++) {
                    s.getOutputStream().write(chunk);
                }
                return s.getInputStream().read() == -1;
            } catch (SocketTimeoutException e) {
                return false;
            } catch (IOException reset) {
                return true; // closed while we were still writing
            }
        }
    }

    /** Whether a datagram with this Call-ID (any datagram when null) arrived at the carrier socket. */
    private static boolean forwardedTo(DatagramSocket carrier, String callId) throws IOException {
        carrier.setSoTimeout(50);
        byte[] buf = new byte[65535];
        boolean seen = false;
        while (true) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                carrier.receive(p);
            } catch (SocketTimeoutException e) {
                return seen;
            }
            String text = new String(p.getData(), 0, p.getLength(), StandardCharsets.ISO_8859_1);
            seen |= callId == null || callId.equals(callId(text));
        }
    }

    private static String callId(String text) {
        Matcher m = CALL_ID.matcher(text);
        return m.find() ? m.group(1) : "(none)";
    }

    private static List<String[]> index() throws IOException {
        String tsv = new String(resource("index.tsv"), StandardCharsets.UTF_8);
        return tsv.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split("\t")).toList();
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ProxyTortureIT.class.getResourceAsStream("/vectors/rfc4475/" + name)) {
            if (in == null) {
                throw new IOException("missing test vector " + name);
            }
            return in.readAllBytes();
        }
    }
}
