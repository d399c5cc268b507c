package com.crosspoint.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.crosspoint.api.HttpJson;
import com.crosspoint.testing.ApplianceProcess;
import com.crosspoint.testing.BaresipPhone;
import com.crosspoint.testing.FreePorts;
import com.crosspoint.testing.HarnessFiles;
import com.crosspoint.testing.HeardAudio;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The demo a newcomer can watch: {@code run --demo} starts three simulated carriers (SIPp) behind the node's call
 * router; a baresip demo phone dials an outside number and hears the carrier's tone; more calls move the carrier
 * figures the way the carriers are meant to behave (the cheap one refuses every third call, so its ASR drops and those
 * calls go on to the slow one, whose post-dial delay shows); and {@code kill -9} of the appliance takes the carriers
 * with it.
 */
class DemoCarriersIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String PASSWORD = "demo-pw-carriers";
    private static final String ADMIN_PASSWORD = "admin-pw-carriers";
    private static final double CHEAP_TONE = 440;
    private static final double SLOW_TONE = 660;

    @Test
    void aDemoPhoneReachesTheSimulatedCarriersTheFiguresMoveAndTheCarriersDieWithTheAppliance() {
        Path dataDir = HarnessFiles.tempDir("demo-carriers").resolve("data");
        int sipPort = FreePorts.udpAndTcp();
        int httpPort = FreePorts.udpAndTcp();
        String host = "127.0.0.1:" + sipPort;
        Map<String, String> env = new HashMap<>(Map.of("CROSSPOINT_DEMO_PASSWORD", PASSWORD,
                "CROSSPOINT_ADMIN_PASSWORD", ADMIN_PASSWORD, "CROSSPOINT_DEMO_CARRIERS", "true"));
        try (ApplianceProcess node = ApplianceProcess.start(dataDir, sipPort, httpPort, env);
             BaresipPhone alice = BaresipPhone.builder("sip:1001@" + host).password(PASSWORD).tone(700).start()) {
            assertThat(node.output()).contains("Demo Cheap 127.0.0.1:", "Demo Slow 127.0.0.1:", "Demo Clean 127.0.0.1:",
                    "1001 +16465550100");
            assertThat(carrierProcesses(dataDir)).as("three SIPp carriers, each under its watchdog").hasSize(6);
            alice.awaitRegistered(WAIT);

            call(alice, host); // the cheap carrier answers
            new HeardAudio(Map.of("C", CHEAP_TONE)).awaitHeard(alice, "alice hears the cheap carrier's tone", WAIT,
                    windows -> windows.stream().filter(w -> w.containsTone(CHEAP_TONE)).count() >= 4);
            alice.hangup();
            alice.awaitEvent("CALL_CLOSED", WAIT);
            call(alice, host);
            alice.hangup();
            alice.awaitEvent("CALL_CLOSED", WAIT);
            call(alice, host); // the cheap carrier refuses (503): the slow one rings after 3 s and answers
            new HeardAudio(Map.of("S", SLOW_TONE)).awaitHeard(alice, "alice hears the slow carrier's tone", WAIT,
                    windows -> windows.stream().filter(w -> w.containsTone(SLOW_TONE)).count() >= 4);
            alice.hangup();
            alice.awaitEvent("CALL_CLOSED", WAIT);

            HttpJson http = new HttpJson("http://127.0.0.1:" + httpPort);
            String admin = http.login("admin", ADMIN_PASSWORD);
            await().atMost(WAIT).until(() -> quality(http, admin, "Demo Cheap").path("attempts").asLong() == 3
                    && quality(http, admin, "Demo Slow").path("attempts").asLong() == 1);
            JsonNode cheap = quality(http, admin, "Demo Cheap");
            JsonNode slow = quality(http, admin, "Demo Slow");
            JsonNode clean = quality(http, admin, "Demo Clean");
            assertThat(cheap.path("answered").asLong()).as("two of three answered: %s", cheap).isEqualTo(2);
            assertThat(cheap.path("asr").asDouble()).as("its ASR drops").isLessThan(0.7).isGreaterThan(0.6);
            assertThat(slow.path("answered").asLong()).as("took the refused call: %s", slow).isEqualTo(1);
            assertThat(slow.path("pddMillis").asDouble()).as("rings after 3 s").isGreaterThanOrEqualTo(2900);
            assertThat(cheap.path("pddMillis").asDouble()).as("rings at once").isLessThan(1500);
            assertThat(clean.path("attempts").asLong()).as("dearest: not needed yet").isZero();
            assertThat(cheap.path("mos").isNumber()).as("the PBX reported the cheap carrier's MOS: %s", cheap).isTrue();

            node.killHard();
            await().atMost(Duration.ofSeconds(5)).until(() -> carrierProcesses(dataDir).isEmpty());
        }
    }

    private static void call(BaresipPhone phone, String host) {
        phone.clearEvents();
        phone.dial("sip:6175551234@" + host);
        phone.awaitEvent("CALL_ESTABLISHED", WAIT);
    }

    private static JsonNode quality(HttpJson http, String admin, String carrier) {
        HttpJson.Res res = http.get("/api/v1/carriers/quality", admin);
        assertThat(res.status()).as(res.raw().body()).isEqualTo(200);
        for (JsonNode c : res.body()) {
            if (c.path("name").asText().equals(carrier)) {
                return c.path("quality");
            }
        }
        throw new AssertionError("no carrier " + carrier + " in " + res.raw().body());
    }

    /** The demo carriers' processes (watchdogs and SIPp): their command lines name files in the data directory. */
    private static List<ProcessHandle> carrierProcesses(Path dataDir) {
        String marker = dataDir.resolve("demo-carriers").toString();
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().map(c -> c.contains(marker))
                .orElse(false)).toList();
    }
}
