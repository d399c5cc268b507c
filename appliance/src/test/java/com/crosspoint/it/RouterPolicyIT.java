package com.crosspoint.it;

import static com.crosspoint.it.RouterHarness.NUMBER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.api.HttpJson;
import com.crosspoint.api.HttpJson.Res;
import com.crosspoint.testing.FreePorts;
import com.crosspoint.testing.SippProcess;
import com.crosspoint.testing.SippResult;
import com.crosspoint.testing.SippRunner;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The routing policy over REST while SIPp calls run through the router: a cheap carrier slow to ring and a dearer quick
 * one; by default price wins, and a PUT that weighs quality alone moves the next calls to the quick one at once
 * (explain shows it), no call failing. Bad policies are 400 naming the field; a stored policy survives a restart.
 */
class RouterPolicyIT {
    private static final String QUALITY_ONLY = "{\"weights\":{\"price\":0,\"quality\":1,\"availability\":0},"
            + "\"qualityMix\":{\"asr\":0.4,\"ner\":0.3,\"pdd\":0.1,\"mos\":0.2},"
            + "\"floors\":{\"minAsrPercent\":20,\"maxPddMillis\":8000,\"minMos\":3.0},"
            + "\"evidence\":{\"minAttempts\":2,\"minMosSamples\":10,\"pddForZeroScoreMillis\":10000}}";

    @Test
    void weightsChangedWhileCallsRunReRankTheCarriersAtOnceWithoutFailingACall() {
        int slowPort = FreePorts.udpAndTcp();
        int quickPort = FreePorts.udpAndTcp();
        try (RouterHarness router = RouterHarness.start(Map.of("router.quality.minAttempts", "2"));
             SippProcess slow = carrier("policy-slow", slowPort, "<pause milliseconds=\"700\"/>");
             SippProcess quick = carrier("policy-quick", quickPort, "")) {
            long slowId = router.carrier("Slow", slowPort, "0.0100", "", 0);
            long quickId = router.carrier("Quick", quickPort, "0.0200", "", 0);
            HttpJson http = router.http();
            ProxyHarness.awaitUdpStarted();
            // both carriers carry two calls, so both have figures (the quick one while the slow one is out of service)
            assertThat(inService(router, slowId, false).status()).isEqualTo(200);
            assertThat(router.call("policy-warm-quick", 2, 10, Duration.ofMillis(100), "127.0.0.1").allSucceeded())
                    .isTrue();
            assertThat(inService(router, slowId, true).status()).isEqualTo(200);
            assertThat(router.call("policy-warm-slow", 2, 10, Duration.ofMillis(100), "127.0.0.1").allSucceeded())
                    .isTrue();
            assertThat(firstCarrier(router)).as("price first by default").isEqualTo(slowId);
            JsonNode configured = http.get("/api/v1/router/policy", router.adminSession()).body();
            assertThat(configured.path("source").asText()).isEqualTo("configuration");
            assertThat(configured.path("weights").path("price").asDouble()).isEqualTo(0.5);
            assertThat(configured.path("floors").path("minAsrPercent").asDouble()).isEqualTo(20.0);

            var totals = router.node().appliance().callRouter().totals();
            SippProcess load = SippRunner.scenario("sipp/proxy-uac.xml").name("policy-load")
                    .remote("127.0.0.1", router.port()).calls(24).rate(4).callDuration(Duration.ofMillis(300))
                    .timeout(Duration.ofSeconds(60)).args("-s", NUMBER).start();
            try (load) {
                await().atMost(Duration.ofSeconds(20)).until(() -> totals.of(slowId).started() >= 5);
                long quickBefore = totals.of(quickId).started();
                Res put = http.put("/api/v1/router/policy", router.adminSession(), QUALITY_ONLY);
                assertThat(put.status()).as(put.raw().body()).isEqualTo(200);
                assertThat(put.body().path("source").asText()).isEqualTo("api");
                assertThat(firstCarrier(router)).as("explain ranks by the new weights at once").isEqualTo(quickId);

                SippResult calls = load.await();
                assertThat(calls.allSucceeded()).as("no call failed across the change: " + calls.summary()).isTrue();
                assertThat(calls.statistics().successfulCalls()).isEqualTo(24);
                assertThat(totals.of(quickId).started()).as("the calls after the change went to the quick carrier")
                        .isGreaterThan(quickBefore + 5);
            }

            assertField(http.put("/api/v1/router/policy", router.adminSession(),
                    QUALITY_ONLY.replace("\"price\":0", "\"price\":-1")), "weights.price");
            assertField(http.put("/api/v1/router/policy", router.adminSession(),
                    QUALITY_ONLY.replace("\"minMos\":3.0", "\"minMos\":6")), "floors.minMos");
            assertField(http.put("/api/v1/router/policy", router.adminSession(),
                    QUALITY_ONLY.replace("\"price\":0,\"quality\":1", "\"price\":0,\"quality\":0")), "weights");
            assertField(http.put("/api/v1/router/policy", router.adminSession(), "{\"weights\":{\"price\":1,"
                    + "\"quality\":0,\"availability\":0}}"), "qualityMix");

            router.restart(Map.of("router.quality.minAttempts", "2"));
            JsonNode after = router.http().get("/api/v1/router/policy", router.adminSession()).body();
            assertThat(after.path("source").asText()).as("stored: it survived the restart").isEqualTo("api");
            assertThat(after.path("weights").path("quality").asDouble()).isEqualTo(1.0);
            Res reset = router.http().send("DELETE", "/api/v1/router/policy", router.adminSession(), null);
            assertThat(reset.body().path("weights").path("price").asDouble()).isEqualTo(0.5);
            assertThat(reset.body().path("source").asText()).isEqualTo("configuration");
        }
    }

    /** A carrier that answers every call for the number, {@code beforeRinging} (a pause) before its 180. */
    private static SippProcess carrier(String name, int port, String beforeRinging) {
        return SippRunner.scenarioFile(RouterHarness.filled("sipp/router-carrier.xml", Map.of("__USER__",
                NUMBER.replace("+", "\\+"), "<!--__BEFORE_RINGING__-->", beforeRinging))).name(name).localPort(port)
                .calls(200).timeout(Duration.ofSeconds(90)).start();
    }

    private static Res inService(RouterHarness router, long id, boolean inService) {
        return router.http().send("PATCH", "/api/v1/carriers/" + id, router.adminSession(),
                "{\"inService\":" + inService + "}");
    }

    private static long firstCarrier(RouterHarness router) {
        Res r = router.http().get("/api/v1/routes/explain?number=%2B" + NUMBER.substring(1), router.adminSession());
        assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
        return r.body().path("candidates").get(0).path("carrierId").asLong();
    }

    private static void assertField(Res r, String field) {
        assertThat(r.status()).as(r.raw().body()).isEqualTo(400);
        assertThat(r.field()).as(r.raw().body()).isEqualTo(field);
    }
}
