package com.crosspoint.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.model.CallRecord;
import com.crosspoint.model.Disposition;
import com.crosspoint.store.CdrStore;
import com.crosspoint.testing.BaresipEvent;
import com.crosspoint.testing.BaresipPhone;
import com.crosspoint.testing.TestAppliance;
import com.crosspoint.testing.TortureClient;
import com.crosspoint.testing.TortureClient.Reply;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every RFC 4475 torture message, plus oversized and garbage datagrams, sent over UDP while a real
 * call is up: the call must survive, invalid messages must get an error or nothing (never a 2xx),
 * valid requests must be answered.
 */
class TortureIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration REPLY_WAIT = Duration.ofMillis(1500);
    /** Answers we commit to where RFC 4475 names one. */
    private static final Map<String, Integer> EXACT = Map.of(
            "unkscm.dat", 416,
            "novelsc.dat", 416,
            "bext01.dat", 420,
            "invut.dat", 415,
            "sdp01.dat", 406,
            "mismatch01.dat", 400,
            "esc02.dat", 501,
            "intmeth.dat", 501,
            "badinv01.dat", 400,
            "clerr.dat", 400);

    /**
     * Invalid messages RFC 4475 lets a liberal element accept as it means them (§3.1.2.12 Date
     * time zone): for these a 2xx is allowed too.
     */
    private static final java.util.Set<String> LIBERAL = java.util.Set.of("baddate.dat");

    private static TestAppliance pbx;

    @BeforeAll
    static void start() {
        pbx = TestAppliance.start();
        pbx.user("1001", "Alice", "pw-alice-1001");
        pbx.user("1002", "Bob", "pw-bob-1002");
    }

    @AfterAll
    static void stop() {
        pbx.close();
    }

    @Test
    void tortureMessagesDoNotHarmALiveCall() throws IOException {
        try (BaresipPhone alice = BaresipPhone.builder(pbx.uri("1001")).password("pw-alice-1001").start();
             BaresipPhone bob = BaresipPhone.builder(pbx.uri("1002")).password("pw-bob-1002").start();
             TortureClient torture = new TortureClient("127.0.0.1", pbx.sipPort())) {
            alice.awaitRegistered(WAIT);
            bob.awaitRegistered(WAIT);
            alice.dial(pbx.uri("1002"));
            alice.awaitEvent("CALL_ESTABLISHED", WAIT);
            bob.awaitEvent("CALL_ESTABLISHED", WAIT);

            List<String> problems = new ArrayList<>();
            java.util.Set<String> branches = new java.util.HashSet<>();
            for (String[] row : index()) {
                String file = row[0];
                String verdict = TortureClient.normaliseVerdict(row[3]);
                byte[] message = TortureClient.withUniqueBranch(resource(file), branches, "-" + file.replace(".dat", ""));
                boolean isResponse = new String(message, 0, 8, StandardCharsets.ISO_8859_1).startsWith("SIP/2.0");
                List<Reply> replies = torture.exchange(message, REPLY_WAIT);
                List<Integer> codes = replies.stream().map(Reply::status).distinct().toList();
                if (verdict.startsWith("invalid") && !LIBERAL.contains(file) && codes.stream().anyMatch(c -> c < 300 && c >= 200)) {
                    problems.add(file + " (invalid) was accepted: " + codes);
                }
                if (!isResponse && verdict.startsWith("valid") && codes.stream().noneMatch(c -> c >= 200)) {
                    problems.add(file + " (" + verdict + ") got no final response: " + codes);
                }
                if (EXACT.containsKey(file) && !codes.contains(EXACT.get(file))) {
                    problems.add(file + " expected " + EXACT.get(file) + " got " + codes);
                }
            }
            // Garbage: random bytes, an oversized datagram, a truncated request, a header bomb.
            Random random = new Random(4475);
            for (int i = 0; i < 20; i++) {
                byte[] junk = new byte[1 + random.nextInt(1400)];
                random.nextBytes(junk);
                torture.exchange(junk, Duration.ofMillis(50));
            }
            byte[] huge = new byte[65000];
            java.util.Arrays.fill(huge, (byte) 'A');
            torture.exchange(huge, Duration.ofMillis(200));
            torture.exchange("INVITE sip:1002@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1;branch=z9hG4bKx\r\n"
                    .getBytes(StandardCharsets.US_ASCII), Duration.ofMillis(200));
            torture.exchange(("OPTIONS sip:127.0.0.1 SIP/2.0\r\n" + "X-Bomb: a\r\n".repeat(4000) + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII), Duration.ofMillis(200));

            assertThat(problems).isEmpty();
            assertThat(alice.events()).noneMatch(e -> e.isType("CALL_CLOSED"));
            assertThat(bob.events()).noneMatch(e -> e.isType("CALL_CLOSED"));
            // Still serving: a well-formed OPTIONS from a normal client is answered.
            assertThat(torture.exchange(options(), REPLY_WAIT)).extracting(Reply::status).contains(200);

            alice.hangup();
            BaresipEvent closed = bob.awaitEvent("CALL_CLOSED", WAIT);
            assertThat(closed.param()).contains("reset by peer");
            await().atMost(WAIT).until(() -> {
                List<CallRecord> cdrs = pbx.appliance().stores().cdrs().search(pbx.tenant().id(), CdrStore.CdrFilter.any(), 0, 10);
                return cdrs.size() == 1 && cdrs.get(0).disposition() == Disposition.ANSWERED;
            });
        }
    }

    private static byte[] options() {
        return ("OPTIONS sip:" + pbx.sipHostPort() + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK-torture-end\r\n"
                + "Max-Forwards: 70\r\nFrom: <sip:probe@127.0.0.1>;tag=t1\r\nTo: <sip:" + pbx.sipHostPort() + ">\r\n"
                + "Call-ID: torture-end@127.0.0.1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static List<String[]> index() throws IOException {
        String tsv = new String(resource("index.tsv"), StandardCharsets.UTF_8);
        return tsv.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split("\t")).toList();
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = TortureIT.class.getResourceAsStream("/vectors/rfc4475/" + name)) {
            if (in == null) {
                throw new IOException("missing test vector " + name);
            }
            return in.readAllBytes();
        }
    }
}
