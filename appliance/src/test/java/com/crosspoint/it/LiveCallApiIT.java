package com.crosspoint.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.testing.AdminApi;
import com.crosspoint.testing.BaresipPhone;
import com.crosspoint.testing.EventClient;
import com.crosspoint.testing.TestAppliance;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The live API against a real call: the event stream shows the call ringing, answered and ended
 * with the right parties, and a hang-up through the API ends the call on both real phones.
 */
class LiveCallApiIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
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
    void eventStreamFollowsARealCallAndTheApiHangsItUp() throws Exception {
        int httpPort = pbx.appliance().httpPort();
        AdminApi api = new AdminApi(httpPort, "admin", "admin-secret");
        String token = api.token();
        EventClient events = EventClient.connect("http://127.0.0.1:" + httpPort, "token=" + token, null);
        List<JsonNode> frames = events.frames();
        try (BaresipPhone alice = BaresipPhone.builder(pbx.uri("1001")).password("pw-alice-1001").start();
             BaresipPhone bob = BaresipPhone.builder(pbx.uri("1002")).password("pw-bob-1002").start()) {
            alice.awaitRegistered(WAIT);
            bob.awaitRegistered(WAIT);
            alice.dial(pbx.uri("1002"));
            bob.awaitEvent("CALL_ESTABLISHED", WAIT);

            await().atMost(WAIT).until(() -> events.types().contains("call.answered"));
            JsonNode answered = frames.stream().filter(f -> "call.answered".equals(f.get("type").asText())).findFirst().orElseThrow();
            assertThat(answered.toString()).contains("\"1001\"").contains("\"1002\"");
            assertThat(events.types()).containsSubsequence("snapshot", "call.setup", "call.answered");

            long tenant = pbx.tenant().id();
            JsonNode calls = api.get("/tenants/" + tenant + "/calls");
            String callId = calls.get(0).get("callId").asText();
            int status = delete(httpPort, token, "/tenants/" + tenant + "/calls/" + URLEncoder.encode(callId, StandardCharsets.UTF_8));
            assertThat(status).isEqualTo(202);

            alice.awaitEvent("CALL_CLOSED", WAIT);
            bob.awaitEvent("CALL_CLOSED", WAIT);
            await().atMost(WAIT).until(() -> events.types().contains("call.ended"));
            assertThat(api.get("/tenants/" + tenant + "/cdrs").get("items").get(0).get("hungUpBy").asText()).isEqualTo("SYSTEM");
        } finally {
            events.abort();
        }
    }

    private static int delete(int port, String token, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1" + path))
                .header("Authorization", "Bearer " + token).DELETE().build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
