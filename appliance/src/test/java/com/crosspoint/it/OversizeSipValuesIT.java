package com.crosspoint.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.model.Binding;
import com.crosspoint.model.CallRecord;
import com.crosspoint.store.CdrStore;
import com.crosspoint.testing.RawSipClient;
import com.crosspoint.testing.RawSipClient.Response;
import com.crosspoint.testing.RtpCaller;
import com.crosspoint.testing.TestAppliance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 10 item 3: SIP values longer than the database holds. Before the edge checked them, an authenticated REGISTER
 * with a long User-Agent, Call-ID or Contact failed the group commit it landed in (500 for every tenant's REGISTER in
 * that batch), an INVITE with a Call-ID over 1,024 characters became a call without a CDR, and a MESSAGE with a long
 * Content-Type got no answer at all. Now each is refused with 400 naming the header, and the legitimate traffic sent
 * at the same moment is answered and stored.
 */
class OversizeSipValuesIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int ROUNDS = 4;
    private static final List<String> HONEST = List.of("1003", "1004", "1005", "1006");
    private static TestAppliance pbx;

    @BeforeAll
    static void start() {
        pbx = TestAppliance.start();
        pbx.user("1001", "Alice", "pw-alice-1001");
        pbx.user("1002", "Bob", "pw-bob-1002");
        HONEST.forEach(ext -> pbx.user(ext, "User " + ext, password(ext)));
    }

    @AfterAll
    static void stop() {
        pbx.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"User-Agent", "Call-ID", "Contact"})
    void anOversizeRegisterIsRefusedNamingItsHeader(String header) {
        try (RawSipClient client = new RawSipClient("127.0.0.1", pbx.sipPort())) {
            Response r = oversizeRegister(client, header);
            assertThat(r.status()).as(header).isEqualTo(400);
            assertThat(r.reason()).as(header).containsIgnoringCase(header).contains("too long");
        }
    }

    @Test
    void oversizeRegistersDoNotFailTheRegistersCommittedWithThem() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(1 + HONEST.size());
        try {
            for (int round = 0; round < ROUNDS; round++) {
                List<CompletableFuture<Response>> honest = new ArrayList<>();
                CompletableFuture<Response> bad = CompletableFuture.supplyAsync(() -> {
                    try (RawSipClient client = new RawSipClient("127.0.0.1", pbx.sipPort())) {
                        return oversizeRegister(client, "User-Agent");
                    }
                }, pool);
                for (String ext : HONEST) {
                    honest.add(CompletableFuture.supplyAsync(() -> {
                        try (RawSipClient client = new RawSipClient("127.0.0.1", pbx.sipPort())) {
                            return register(client, ext, UUID.randomUUID() + "@honest", List.of("User-Agent: Desk/1.0"));
                        }
                    }, pool));
                }
                assertThat(bad.get().status()).isEqualTo(400);
                for (CompletableFuture<Response> f : honest) {
                    assertThat(f.get().status()).as("honest REGISTER in round " + round).isEqualTo(200);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        // What the 200s promised is on disk, not only in memory.
        List<Binding> stored = pbx.appliance().stores().bindings().listAll();
        for (String ext : HONEST) {
            assertThat(stored).anyMatch(b -> b.aor().startsWith("sip:" + ext + "@"));
        }
        assertThat(stored).noneMatch(b -> b.userAgent() != null && b.userAgent().length() > 512);
    }

    @Test
    void anInviteWithAnOversizeCallIdIsRefusedAndHonestCallsLeaveCdrs() {
        String longCallId = "x".repeat(1100) + "@probe";
        String target = "sip:1002@" + pbx.sipHostPort();
        try (RawSipClient client = new RawSipClient("127.0.0.1", pbx.sipPort())) {
            Response r = client.sendWithDigest("INVITE", target, "sip:1001@" + pbx.sipHostPort(), target, longCallId,
                    List.of(), sdp(), "1001", "pw-alice-1001", WAIT);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.reason()).contains("Call-ID").contains("too long");
        }
        // 1002 has no phone: the appliance answers for its mailbox, and the hang-up leaves a CDR.
        try (RtpCaller caller = new RtpCaller(pbx.sipHostPort(), "1001", "pw-alice-1001")) {
            caller.call("1002", WAIT);
            caller.hangUp(WAIT);
            await().atMost(WAIT).until(() -> pbx.appliance().stores().cdrs()
                    .search(pbx.tenant().id(), CdrStore.CdrFilter.any(), 0, 50).stream()
                    .map(CallRecord::callId).anyMatch(caller.callId()::equals));
        }
    }

    @Test
    void aMessageWithAnOversizeContentTypeIsAnswered() {
        String target = "sip:1002@" + pbx.sipHostPort();
        try (RawSipClient client = new RawSipClient("127.0.0.1", pbx.sipPort())) {
            Response r = client.sendWithDigest("MESSAGE", target, "sip:1001@" + pbx.sipHostPort(), target,
                    UUID.randomUUID() + "@probe", List.of("Content-Type: text/" + "p".repeat(300)), "hello",
                    "1001", "pw-alice-1001", WAIT);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.reason()).contains("Content-Type").contains("too long");

            Response honest = client.sendWithDigest("MESSAGE", target, "sip:1001@" + pbx.sipHostPort(), target,
                    UUID.randomUUID() + "@probe", List.of("Content-Type: text/plain"), "hello bob",
                    "1001", "pw-alice-1001", WAIT);
            assertThat(honest.status()).isEqualTo(202);
        }
    }

    /** An authenticated REGISTER of 1001 whose {@code header} is longer than any column that could hold it. */
    private static Response oversizeRegister(RawSipClient client, String header) {
        String callId = UUID.randomUUID() + "@probe";
        List<String> extra = List.of();
        switch (header) {
            case "User-Agent" -> extra = List.of("User-Agent: Phone/" + "1".repeat(600));
            case "Call-ID" -> callId = "c".repeat(1100) + "@probe";
            case "Contact" -> extra = List.of("Contact: <sip:" + "a".repeat(2100) + "@127.0.0.1:5099>");
            default -> throw new IllegalArgumentException(header);
        }
        return register(client, "1001", callId, extra);
    }

    private static Response register(RawSipClient client, String ext, String callId, List<String> extra) {
        String aor = "sip:" + ext + "@" + pbx.sipHostPort();
        List<String> headers = new ArrayList<>(extra);
        headers.add("Expires: 600");
        String user = ext;
        return client.sendWithDigest("REGISTER", "sip:" + pbx.sipHostPort(), aor, aor, callId, headers, null, user,
                ext.equals("1001") ? "pw-alice-1001" : password(ext), WAIT);
    }

    private static String password(String ext) {
        return "pw-user-" + ext;
    }

    private static String sdp() {
        return "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\n"
                + "a=rtpmap:0 PCMU/8000\r\n";
    }
}
