package com.crosspoint.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.testing.AdminApi;
import com.crosspoint.testing.BaresipPhone;
import com.crosspoint.testing.TestAppliance;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The live API against a real call: the event stream shows the call ringing, answered and ended
 * with the right parties, and a hang-up through the API ends the call on both real phones.
 */
class LiveCallApiIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();
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
        String token = login(httpPort);
        List<JsonNode> frames = new CopyOnWriteArrayList<>();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + httpPort + "/api/v1/events?token=" + token), new Collector(frames))
                .get();
        try (BaresipPhone alice = BaresipPhone.builder(pbx.uri("1001")).password("pw-alice-1001").start();
             BaresipPhone bob = BaresipPhone.builder(pbx.uri("1002")).password("pw-bob-1002").start()) {
            alice.awaitRegistered(WAIT);
            bob.awaitRegistered(WAIT);
            alice.dial(pbx.uri("1002"));
            bob.awaitEvent("CALL_ESTABLISHED", WAIT);

            await().atMost(WAIT).until(() -> types(frames).contains("call.answered"));
            JsonNode answered = frames.stream().filter(f -> "call.answered".equals(f.get("type").asText())).findFirst().orElseThrow();
            assertThat(answered.toString()).contains("\"1001\"").contains("\"1002\"");
            assertThat(types(frames)).containsSubsequence("snapshot", "call.setup", "call.answered");

            long tenant = pbx.tenant().id();
            JsonNode calls = api.get("/tenants/" + tenant + "/calls");
            String callId = calls.get(0).get("callId").asText();
            int status = delete(httpPort, token, "/tenants/" + tenant + "/calls/" + URLEncoder.encode(callId, StandardCharsets.UTF_8));
            assertThat(status).isEqualTo(202);

            alice.awaitEvent("CALL_CLOSED", WAIT);
            bob.awaitEvent("CALL_CLOSED", WAIT);
            await().atMost(WAIT).until(() -> types(frames).contains("call.ended"));
            assertThat(api.get("/tenants/" + tenant + "/cdrs").get("items").get(0).get("hungUpBy").asText()).isEqualTo("SYSTEM");
        } finally {
            ws.abort();
        }
    }

    private static List<String> types(List<JsonNode> frames) {
        return frames.stream().map(f -> f.get("type").asText()).toList();
    }

    private static String login(int port) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"admin-secret\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body()).get("token").asText();
    }

    private static int delete(int port, String token, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1" + path))
                .header("Authorization", "Bearer " + token).DELETE().build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** Collects every text frame as JSON. */
    private static final class Collector implements WebSocket.Listener {
        private final List<JsonNode> frames;
        private final StringBuilder partial = new StringBuilder();

        Collector(List<JsonNode> frames) {
            this.frames = frames;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    frames.add(JSON.readTree(partial.toString()));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
