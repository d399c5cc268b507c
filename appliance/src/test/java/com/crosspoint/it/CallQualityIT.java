package com.crosspoint.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.crosspoint.media.quality.EModel;
import com.crosspoint.testing.AdminApi;
import com.crosspoint.testing.EventClient;
import com.crosspoint.testing.RtpCaller;
import com.crosspoint.testing.TestAppliance;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Call quality end to end: two calls into voicemail (1002 has no device, so the appliance answers) from a test
 * caller that sends 6 s of G.711 tone at 20 ms pacing, one clean and one leaving out every 20th packet (5 %
 * loss). The lossy call's CDR and its call.ended event show that loss and a MOS as much lower as the E-model
 * says 5 % random loss costs with packet-loss concealment; the live events carry the quality while it lasts.
 * The caller answers the appliance's RTCP sender reports, so the quality has a round trip too.
 */
class CallQualityIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration TONE = Duration.ofSeconds(6);
    private static TestAppliance pbx;

    @BeforeAll
    static void start() {
        // reports every 0.5..1.5 s, so a 6 s call sees several and the caller's answers give a round trip
        pbx = TestAppliance.start(Map.of("media.rtcpIntervalMillis", "1000"));
        pbx.user("1001", "Alice", "pw-alice-1001");
        pbx.user("1002", "Bob", "pw-bob-1002"); // never registers: calls to 1002 go to voicemail
    }

    @AfterAll
    static void stop() {
        pbx.close();
    }

    @Test
    void fivePercentLossLowersTheMosOnTheCdrAndTheEvent() throws Exception {
        int httpPort = pbx.appliance().httpPort();
        AdminApi api = new AdminApi(httpPort, "admin", "admin-secret");
        EventClient events = EventClient.connect("http://127.0.0.1:" + httpPort, "token=" + api.token(), null);
        List<JsonNode> frames = events.frames();
        try {
            await().atMost(WAIT).until(() -> frames.stream().anyMatch(f -> "snapshot".equals(f.get("type").asText())));
            String cleanId = call(i -> false);
            String lossyId = call(i -> i % 20 == 10);

            long tenant = pbx.tenant().id();
            await().atMost(WAIT).until(() -> cdr(api, tenant, cleanId).isPresent() && cdr(api, tenant, lossyId).isPresent());
            JsonNode clean = cdr(api, tenant, cleanId).orElseThrow();
            JsonNode lossy = cdr(api, tenant, lossyId).orElseThrow();
            assertThat(clean.get("disposition").asText()).isEqualTo("VOICEMAIL");
            assertThat(lossy.get("disposition").asText()).isEqualTo("VOICEMAIL");

            JsonNode cleanQ = clean.get("quality");
            JsonNode lossyQ = lossy.get("quality");
            assertThat(cleanQ.isObject()).as("clean call quality: " + clean).isTrue();
            assertThat(lossyQ.isObject()).as("lossy call quality: " + lossy).isTrue();
            assertThat(cleanQ.get("lossPercent").asDouble()).isLessThan(0.5);
            assertThat(lossyQ.get("lossPercent").asDouble()).isCloseTo(5.0, within(0.5));
            double cleanMos = cleanQ.get("mos").asDouble();
            double lossyMos = lossyQ.get("mos").asDouble();
            assertThat(cleanMos).isGreaterThan(4.0);
            // the test caller answered the appliance's sender reports: RTCP gave a (loopback) round trip
            assertThat(cleanQ.get("rttMillis").isNumber()).as("clean RTT: " + cleanQ).isTrue();
            assertThat(lossyQ.get("rttMillis").isNumber()).as("lossy RTT: " + lossyQ).isTrue();
            assertThat(cleanQ.get("rttMillis").asDouble()).isBetween(0.0, 100.0);
            // 5 % random loss with PLC: Ie,eff = 95·5/(5 + 25.1) ≈ 15.8 rating points, about half a MOS point here
            assertThat(lossyMos).isLessThan(cleanMos - 0.3);
            assertThat(lossyMos).isCloseTo(expectedMos(cleanMos, cleanQ.get("lossPercent").asDouble(),
                    lossyQ.get("lossPercent").asDouble()), within(0.05));

            await().atMost(WAIT).until(() -> ended(frames, cleanId).isPresent() && ended(frames, lossyId).isPresent());
            assertThat(ended(frames, cleanId).orElseThrow().get("quality")).isEqualTo(cleanQ);
            assertThat(ended(frames, lossyId).orElseThrow().get("quality")).isEqualTo(lossyQ);
            // while it lasted, the call published its running quality (every 5 s)
            assertThat(frames).anySatisfy(f -> {
                assertThat(f.get("type").asText()).isEqualTo("call.answered");
                assertThat(f.get("call").get("callId").asText()).isEqualTo(lossyId);
                assertThat(f.get("call").get("quality").isObject()).isTrue();
            });
        } finally {
            events.abort();
        }
    }

    /** One call from 1001 to 1002's voicemail with 6 s of tone, leaving out the packets {@code drop} picks. */
    private static String call(IntPredicate drop) {
        try (RtpCaller caller = new RtpCaller(pbx.sipHostPort(), "1001", "pw-alice-1001")) {
            caller.call("1002", WAIT);
            RtpCaller.Sent sent = caller.sendTone(TONE, drop);
            assertThat(sent.sent()).isPositive();
            assertThat(caller.reportsAnswered()).as("RTCP sender reports answered").isPositive();
            caller.hangUp(WAIT);
            return caller.callId();
        }
    }

    /**
     * The lossy call's MOS as the E-model predicts it from the clean one: same delay (same appliance, same
     * path), so its rating differs only by the effective equipment impairment of the loss (G.711 with PLC).
     */
    private static double expectedMos(double cleanMos, double cleanLoss, double lossyLoss) {
        double lo = 0;
        double hi = 100;
        for (int i = 0; i < 60; i++) { // MOS(R) rises monotonically on 0..100: bisect for the clean rating
            double mid = (lo + hi) / 2;
            if (EModel.mos(mid) < cleanMos) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double cleanRating = (lo + hi) / 2;
        EModel g711 = EModel.G711_PLC; // both round trips are loopback (< 1 ms): the delay is the same
        return EModel.mos(cleanRating - g711.effectiveEquipmentImpairment(lossyLoss, 1)
                + g711.effectiveEquipmentImpairment(cleanLoss, 1));
    }

    private static Optional<JsonNode> cdr(AdminApi api, long tenant, String callId) {
        for (JsonNode item : api.get("/tenants/" + tenant + "/cdrs").get("items")) {
            if (callId.equals(item.get("callId").asText())) {
                return Optional.of(item);
            }
        }
        return Optional.empty();
    }

    private static Optional<JsonNode> ended(List<JsonNode> frames, String callId) {
        return frames.stream().filter(f -> "call.ended".equals(f.get("type").asText()))
                .map(f -> f.get("call")).filter(c -> callId.equals(c.get("callId").asText())).findFirst();
    }

}
