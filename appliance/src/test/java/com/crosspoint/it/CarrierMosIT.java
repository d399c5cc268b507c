package com.crosspoint.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.acr.AdaptiveCallRouter;
import com.crosspoint.acr.quality.CarrierQuality;
import com.crosspoint.acr.quality.QualityFigures;
import com.crosspoint.api.CarrierEdgeClient;
import com.crosspoint.api.HttpJson;
import com.crosspoint.model.Did;
import com.crosspoint.testing.FreePorts;
import com.crosspoint.testing.HarnessFiles;
import com.crosspoint.testing.RtpPcap;
import com.crosspoint.testing.SippProcess;
import com.crosspoint.testing.SippResult;
import com.crosspoint.testing.SippRunner;
import com.crosspoint.testing.SippUser;
import com.crosspoint.testing.TestAppliance;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * MOS from real media steers the call router: a SIPp phone registered as user 1001 calls out through the PBX, which
 * anchors the media, to the router in the same JVM and on to two SIPp carriers. The cheaper one sends its audio with
 * 30 % of the packets missing (a pcap written by {@link RtpPcap}, the same on every run), the dearer one clean. The
 * PBX measures the MOS of what each carrier sent and reports it on the BYE (X-RTP-Stat), the router counts it for the
 * carrier that answered: the lossy carrier's MOS is low, it loses the next calls to the clean one, and once its bad
 * window has passed it is the cheapest again and wins them back.
 */
class CarrierMosIT {
    private static final String NUMBER = "+16175551234";
    private static final String DID = "+16465550100";
    private static final String PASSWORD = "pw-mos-1001";
    private static final Duration TALK = Duration.ofSeconds(2);
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** 3 s buckets, 3 of them: a 9 s window, long enough for two rounds of calls and short enough to wait out. */
    private static final Duration WINDOW = Duration.ofSeconds(9);

    @Test
    void aCarrierWhoseMeasuredMosFallsUnderTheFloorLosesItsTrafficAndWinsItBackAfterTheWindow() {
        int lossyPort = FreePorts.udpAndTcp();
        int cleanPort = FreePorts.udpAndTcp();
        Path dir = HarnessFiles.logDir("carrier-mos");
        Path lossyAudio = RtpPcap.write(dir.resolve("lossy-30.pcap"), 150, 1400, RtpPcap.lossPerTen(3));
        Path cleanAudio = RtpPcap.write(dir.resolve("clean.pcap"), 150, 1400, RtpPcap.lossPerTen(0));
        try (TestAppliance node = TestAppliance.start(Map.of("router.port", "0", "router.probeSeconds", "0",
                "trunk.probeSeconds", "0", "trunk.responseTimeoutSeconds", "2",
                "router.quality.bucketSeconds", "3", "router.quality.buckets", "3", "router.quality.minAttempts", "1",
                "router.policy.minMosSamples", "2", "router.policy.minMos", "3.5"));
             SippProcess lossy = carrier("mos-lossy", lossyPort, lossyAudio, 3);
             SippProcess clean = carrier("mos-clean", cleanPort, cleanAudio, 2)) {
            HttpJson http = new HttpJson("http://127.0.0.1:" + node.appliance().httpPort());
            String admin = http.login("admin", "admin-secret");
            long lossyId = carrier(http, admin, "Lossy", lossyPort, "0.0050");
            long cleanId = carrier(http, admin, "Clean", cleanPort, "0.0100");
            var user = node.user("1001", "Alice", PASSWORD);
            node.appliance().stores().dids().create(new Did(0, node.tenant().id(), DID, user.extension(), false));
            AdaptiveCallRouter acr = node.appliance().callRouter();
            String group = acr.quality().groupOf(NUMBER.substring(1)); // groups are of digits

            SippResult first = calls(node, "mos-first", 2);
            assertThat(first.allSucceeded()).as(first.summary()).isTrue();
            assertThat(acr.totals().of(lossyId).answered()).as("the cheaper carrier takes the first calls").isEqualTo(2);
            await().atMost(WAIT).until(() -> acr.quality().figures(lossyId, group).mosSamples() == 2);
            QualityFigures measured = acr.quality().figures(lossyId, group);
            assertThat(measured.mos()).as("30 %% loss measured by the PBX, reported on the BYE: %s", measured)
                    .isLessThan(3.0);
            assertThat(acr.explain(NUMBER, Instant.now()).carriersToTry()).extracting(t -> t.carrier().id())
                    .as("under the MOS floor: excluded").containsExactly(cleanId);

            SippResult moved = calls(node, "mos-moved", 2);
            assertThat(moved.allSucceeded()).as(moved.summary()).isTrue();
            assertThat(acr.totals().of(cleanId).answered()).as("the next calls go to the clean carrier").isEqualTo(2);
            assertThat(acr.totals().of(lossyId).started()).isEqualTo(2);
            await().atMost(WAIT).until(() -> acr.quality().figures(cleanId, group).mosSamples() == 2);
            assertThat(acr.quality().figures(cleanId, group).mos()).as("clean audio").isGreaterThan(4.0);
            assertThat(acr.quality().figures(cleanId, CarrierQuality.ALL).mosSamples()).isEqualTo(2);

            await().atMost(WINDOW.plus(WAIT)).until(() -> acr.explain(NUMBER, Instant.now()).carriersToTry().get(0)
                    .carrier().id() == lossyId);
            SippResult back = calls(node, "mos-back", 1);
            assertThat(back.allSucceeded()).as(back.summary()).isTrue();
            assertThat(acr.totals().of(lossyId).answered()).as("its bad window passed: cheapest again").isEqualTo(3);

            assertThat(lossy.await().allSucceeded()).as("the lossy carrier took 3 calls").isTrue();
            assertThat(clean.await().allSucceeded()).as("the clean carrier took 2 calls").isTrue();
        }
    }

    @Test
    void onSeparateBoxesTheMosTravelsInSipFromThePbxToTheRouter() {
        int lossyPort = FreePorts.udpAndTcp();
        Path lossyAudio = RtpPcap.write(HarnessFiles.logDir("carrier-mos-split").resolve("lossy-30.pcap"), 150, 1400,
                RtpPcap.lossPerTen(3));
        try (RouterHarness router = RouterHarness.start(Map.of("router.quality.minAttempts", "1",
                "router.policy.minMosSamples", "1", "router.policy.minMos", "3.5"));
             TestAppliance pbx = TestAppliance.start(Map.of("node.roles", "pbx",
                     "trunk.routers", "127.0.0.1:" + router.port(), "trunk.probeSeconds", "0",
                     "trunk.responseTimeoutSeconds", "2"));
             SippProcess lossy = carrier("mos-split-lossy", lossyPort, lossyAudio, 1)) {
            long lossyId = router.carrier("Lossy", lossyPort, "0.0050", "", 0);
            var user = pbx.user("1001", "Alice", PASSWORD);
            pbx.appliance().stores().dids().create(new Did(0, pbx.tenant().id(), DID, user.extension(), false));
            assertThat(pbx.appliance().routerPort()).as("the PBX node runs no router of its own").isZero();

            SippResult call = calls(pbx, "mos-split", 1);
            assertThat(call.allSucceeded()).as(call.summary()).isTrue();
            AdaptiveCallRouter acr = router.node().appliance().callRouter();
            await().atMost(WAIT).until(() -> acr.quality().figures(lossyId, CarrierQuality.ALL).mosSamples() == 1);
            assertThat(acr.quality().figures(lossyId, CarrierQuality.ALL).mos()).isLessThan(3.0);
            assertThat(acr.explain(NUMBER, Instant.now()).carriersToTry()).as("under the MOS floor").isEmpty();
            assertThat(lossy.await().allSucceeded()).isTrue();
        }
    }

    /** {@code calls} calls at once from user 1001 to the outside number, each talking {@link #TALK}. */
    private static SippResult calls(TestAppliance node, String name, int calls) {
        return SippRunner.scenario("sipp/uac-call.xml").name(name).remote("127.0.0.1", node.sipPort())
                .users(List.of(SippUser.caller("1001", PASSWORD, "6175551234"))).calls(calls).rate(10)
                .callDuration(TALK).timeout(WAIT).run();
    }

    private static long carrier(HttpJson http, String admin, String name, int port, String rate) {
        HttpJson.Res created = http.post("/api/v1/carriers", admin, "{\"name\":\"" + name + "\",\"host\":\"127.0.0.1\","
                + "\"port\":" + port + "}");
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        assertThat(new CarrierEdgeClient(http, admin).importDeck(id, "prefix,rate,effective_from\n1," + rate
                + ",2020-01-01\n").path("state").asText()).isEqualTo("DONE");
        return id;
    }

    private static SippProcess carrier(String name, int port, Path pcap, int calls) {
        return SippRunner.scenarioFile(RouterHarness.filled("sipp/uas-carrier-pcap.xml",
                        Map.of("__PCAP__", pcap.toString()))).name(name).localPort(port).calls(calls)
                .timeout(Duration.ofSeconds(90)).traceMessages(true).start();
    }
}
