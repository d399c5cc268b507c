package com.crosspoint.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.media.codec.G711Ulaw;
import com.crosspoint.model.CallRecord;
import com.crosspoint.model.Did;
import com.crosspoint.model.Disposition;
import com.crosspoint.store.CdrStore.CdrFilter;
import com.crosspoint.testing.AudioAnalysis;
import com.crosspoint.testing.BaresipPhone;
import com.crosspoint.testing.FreePorts;
import com.crosspoint.testing.HarnessFiles;
import com.crosspoint.testing.HeardAudio;
import com.crosspoint.testing.SippProcess;
import com.crosspoint.testing.SippResult;
import com.crosspoint.testing.SippRunner;
import com.crosspoint.testing.SippUser;
import com.crosspoint.testing.TestAppliance;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A phone calls outside: baresip dials a North American number, the PBX sends it in E.164 with the user's DID as
 * caller ID to the call routers, here SIPp: the first one refuses (503, overloaded) or is not there at all, the next
 * answers as a carrier and plays a tone, which the phone must hear.
 */
class TrunkCallIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final double CARRIER_TONE = 1400;
    private static final String DID = "+16465550100";
    private static final String NUMBER = "+16175551234";

    private final int overloaded = FreePorts.udpAndTcp();
    private final int carrier = FreePorts.udpAndTcp();
    private TestAppliance pbx;
    private BaresipPhone alice;

    @AfterEach
    void stop() {
        if (alice != null) {
            alice.close();
        }
        if (pbx != null) {
            pbx.close();
        }
    }

    private void start(int primaryRouter) {
        start(primaryRouter, Map.of());
    }

    private void start(int primaryRouter, Map<String, String> more) {
        Map<String, String> config = new java.util.HashMap<>(Map.of(
                "trunk.routers", "127.0.0.1:" + primaryRouter + ",127.0.0.1:" + carrier,
                "trunk.probeSeconds", "0", // SIPp scenarios take INVITEs only
                "trunk.responseTimeoutSeconds", "2"));
        config.putAll(more);
        pbx = TestAppliance.start(config);
        var user = pbx.user("1001", "Alice", "pw-alice-1001");
        pbx.appliance().stores().dids().create(new Did(0, pbx.tenant().id(), DID, user.extension(), false));
        alice = BaresipPhone.builder(pbx.uri("1001")).password("pw-alice-1001").tone(700).start();
        alice.awaitRegistered(WAIT);
    }

    @Test
    void anOverloadedRouterIsPassedAndTheCarrierBehindTheNextIsHeard() throws Exception {
        start(overloaded);
        try (SippProcess refusing = refusing(overloaded, "503 Service Unavailable"); SippProcess answering = carrier()) {
            alice.dial(pbx.uri("6175551234"));
            alice.awaitEvent("CALL_ESTABLISHED", WAIT);
            new HeardAudio(Map.of("T", CARRIER_TONE)).awaitHeard(alice, "alice hears the carrier's tone", WAIT,
                    windows -> windows.stream().filter(w -> w.containsTone(CARRIER_TONE)).count() >= 4);
            alice.hangup();

            SippResult refused = refusing.await();
            SippResult answered = answering.await();
            assertThat(refused.statistics().failedCalls() + refused.statistics().successfulCalls())
                    .as("the first router was asked: " + refused.summary()).isEqualTo(1);
            assertThat(answered.allSucceeded()).as("number in E.164 and the DID presented: " + answered.summary())
                    .isTrue();
        }
        await().atMost(WAIT).until(() -> !records().isEmpty());
        CallRecord record = records().get(0);
        assertThat(record.callee()).isEqualTo("6175551234");
        assertThat(record.disposition()).isEqualTo(Disposition.ANSWERED);
        assertThat(record.quality()).as("the carrier call was relayed: it has quality figures").isNotNull();
    }

    @Test
    void aRouterThatIsNotThereIsGivenUpAfterTheResponseTimeout() throws Exception {
        start(FreePorts.udpAndTcp()); // nothing listens there
        try (SippProcess answering = carrier()) {
            long dialled = System.nanoTime();
            alice.dial(pbx.uri("6175551234"));
            alice.awaitEvent("CALL_ESTABLISHED", WAIT);
            assertThat(Duration.ofNanos(System.nanoTime() - dialled)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
            alice.hangup();
            assertThat(answering.await().allSucceeded()).isTrue();
        }
    }

    @Test
    void aNumberPatternGoesToItsGatewayAndEverythingElseToTheRouters() throws Exception {
        int gateway = FreePorts.udpAndTcp();
        start(overloaded, Map.of("trunk.gateways", "+1212=127.0.0.1:" + gateway));
        String gatewayNumber = "+12125550123";
        try (SippProcess routers = refusing(overloaded, "503 Service Unavailable");
             SippProcess answering = carrier(gateway, gatewayNumber)) {
            alice.dial(pbx.uri("12125550123"));
            alice.awaitEvent("CALL_ESTABLISHED", WAIT);
            new HeardAudio(Map.of("T", CARRIER_TONE)).awaitHeard(alice, "alice hears the gateway's tone", WAIT,
                    windows -> windows.stream().filter(w -> w.containsTone(CARRIER_TONE)).count() >= 4);
            alice.hangup();
            assertThat(answering.await().allSucceeded()).as("the gateway got the number in E.164").isTrue();
            // the refusing router exits after its one call: still running, it was never asked
            assertThat(routers.isAlive()).as("no router was asked").isTrue();
        }
    }

    @Test
    void aPremiumNumberNeverLeaves() {
        start(overloaded);
        alice.dial(pbx.uri("19005551234"));
        assertThat(alice.awaitEvent("CALL_CLOSED", WAIT).param()).contains("403");
    }

    @Test
    void aCarrierCallToADidRingsTheUserItNamesAndAStrangerIsChallenged() {
        start(overloaded);

        SippResult fromTrunk = carrierCall(carrier, "16465550100"); // the DID without its "+", as some send it
        SippResult fromStranger = carrierCall(FreePorts.udpAndTcp(), "+16465550100");
        SippResult noSuchDid = carrierCall(carrier, "+16465550199");

        assertThat(fromTrunk.allSucceeded()).as(fromTrunk.summary()).isTrue();
        assertThat(alice.events()).as(alice.events().toString()).filteredOn(e -> e.isType("CALL_ESTABLISHED"))
                .singleElement().satisfies(e -> assertThat(e.peerUri()).contains("+16175551234"));
        assertThat(fromStranger.allSucceeded()).as("not a trunk server: digest, which it cannot answer").isFalse();
        assertThat(fromStranger.statistics().failedCalls()).isEqualTo(1);
        assertThat(noSuchDid.allSucceeded()).isFalse();
    }

    /** A SIPp carrier calls {@code did} from {@code port}, talks 2 s and hangs up. */
    private SippResult carrierCall(int port, String did) {
        return SippRunner.scenario("sipp/uac-call.xml").name("carrier-calls").remote("127.0.0.1", pbx.sipPort())
                .localPort(port).users(List.of(new SippUser("+16175551234", "carrier", "not-a-password", did)))
                .callDuration(Duration.ofSeconds(2)).timeout(Duration.ofSeconds(30)).run();
    }

    private List<CallRecord> records() {
        return pbx.appliance().stores().cdrs().search(pbx.tenant().id(), CdrFilter.any(), 0, 10);
    }

    private static SippProcess refusing(int port, String status) throws IOException {
        return SippRunner.scenarioFile(filled("sipp/uas-refuse.xml", Map.of("__STATUS__", status)))
                .name("router-refusing").localPort(port).timeout(Duration.ofSeconds(30)).start();
    }

    private SippProcess carrier() throws IOException {
        return carrier(carrier, NUMBER);
    }

    /** A carrier on {@code port} that answers a call to {@code number} from the DID and plays its tone. */
    private static SippProcess carrier(int port, String number) throws IOException {
        Path tone = HarnessFiles.logDir("carrier-tone").resolve("tone-1400.ulaw");
        Files.write(tone, toneFile());
        return SippRunner.scenarioFile(filled("sipp/uas-carrier-tone.xml", Map.of("__NUMBER__", "\\" + number,
                        "__CALLER_ID__", "\\" + DID, "__TONE_FILE__", tone.toString())))
                .name("carrier").localPort(port).timeout(Duration.ofSeconds(45)).start();
    }

    /** One second of the carrier's tone as raw µ-law (a whole number of periods, so it loops without a click). */
    private static byte[] toneFile() {
        byte[] samples = new byte[8000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = G711Ulaw.encodeSample((int) Math.round(12000 * Math.sin(2 * Math.PI * CARRIER_TONE * i / 8000)));
        }
        return samples;
    }

    private static Path filled(String resource, Map<String, String> values) throws IOException {
        String text;
        try (InputStream in = TrunkCallIT.class.getClassLoader().getResourceAsStream(resource)) {
            text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        for (var e : values.entrySet()) {
            text = text.replace(e.getKey(), e.getValue());
        }
        Path file = Files.createTempFile(HarnessFiles.logDir("scenarios"), "scenario", ".xml");
        Files.writeString(file, text, StandardCharsets.ISO_8859_1);
        return file;
    }
}
