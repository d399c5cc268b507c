package com.crosspoint.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.testing.AdminApi;
import com.crosspoint.testing.ApplianceProcess;
import com.crosspoint.testing.BaresipEvent;
import com.crosspoint.testing.BaresipPhone;
import com.crosspoint.testing.BaresipPhone.AnswerMode;
import com.crosspoint.testing.FreePorts;
import com.crosspoint.testing.HarnessFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A callback outlives {@code kill -9}: on the demo tenant's queue 600, the caller 1001 asks to be called back and
 * hangs up; the appliance is killed and started again on the same data directory. The callback is back in the
 * queue at its place: 1003 and 1004 join after the restart, and when the agent 1002 logs in, the callback is
 * offered first ("Callback 1001"), the agent answers, 1001's phone rings, answers, and the two hear each other.
 */
class CallbackRestartIT {
    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final String PASSWORD = "demo-pw-4321";
    private static final Map<String, String> ENV = Map.of("CROSSPOINT_DEMO_PASSWORD", PASSWORD,
            "CROSSPOINT_ADMIN_PASSWORD", "admin-pw-4321");

    @Test
    void aStoredCallbackComesBackAtItsPlaceAndIsServedAfterARestart() throws Exception {
        Path dataDir = HarnessFiles.tempDir("callback-restart").resolve("data");
        int sipPort = FreePorts.udpAndTcp();
        int httpPort = FreePorts.udpAndTcp();
        String host = "127.0.0.1:" + sipPort;
        // The phones start once the appliance listens (a first REGISTER refused by a closed port is retried late)
        // and keep running across the kill: the restarted appliance reaches them through the stored bindings.
        ApplianceProcess first = ApplianceProcess.start(dataDir, sipPort, httpPort, ENV);
        try (first;
             BaresipPhone caller = phone("1001", host, 1000);
             BaresipPhone agent = phone("1002", host, 440);
             BaresipPhone second = phone("1003", host, 1300);
             BaresipPhone third = phone("1004", host, 1700)) {
            String queue = callbackAsked(httpPort, host, caller, List.of(caller, agent, second, third));
            first.killHard();
            try (ApplianceProcess restarted = ApplianceProcess.start(dataDir, sipPort, httpPort, ENV)) {
                AdminApi api = admin(httpPort);
                String tenant = "/tenants/" + api.tenantId("demo.crosspoint.local");
                List<JsonNode> back = waiting(api, tenant);
                assertThat(back).as("the callback is back in its queue").singleElement().satisfies(e -> {
                    assertThat(e.get("callback").asBoolean()).isTrue();
                    assertThat(e.get("caller").asText()).isEqualTo("1001");
                });
                joins(second, host);
                joins(third, host);
                assertThat(waiting(api, tenant)).extracting(e -> e.get("caller").asText())
                        .containsExactly("1001", "1003", "1004");

                ok(api.exchange("PUT", tenant + "/agents/" + userId(api, tenant, "1002"),
                        "{\"status\":\"AVAILABLE\"}"));

                BaresipEvent ring = agent.awaitEvent("CALL_INCOMING", WAIT);
                assertThat(ring.json().path("peerdisplayname").asText()).isEqualTo("Callback 1001");
                agent.accept();
                caller.awaitEvent("CALL_INCOMING", WAIT);
                caller.accept();
                caller.awaitEvent("CALL_RTPESTAB", WAIT);
                agent.awaitEvent("CALL_RTPESTAB", WAIT);
                Thread.sleep(3_000); // they talk
                assertThat(waiting(api, tenant)).extracting(e -> e.get("caller").asText())
                        .containsExactly("1003", "1004");
                caller.hangup();
                agent.awaitEvent("CALL_CLOSED", WAIT);
                await().atMost(WAIT).until(() -> !caller.recordings().isEmpty() && !agent.recordings().isEmpty());
                CallbackIT.assertHears(caller, 440, "the agent's 440 Hz heard by the caller called back");
                CallbackIT.assertHears(agent, 1000, "the caller's 1 kHz heard by the agent");
                JsonNode stats = api.get(queue + "/stats");
                assertThat(stats.get("callbacks").get("served").asInt()).isEqualTo(1);
                second.hangup();
                third.hangup();
            }
        }
    }

    /**
     * Sets the demo queue 600 up (the agent 1002 alone, callbacks after 1 s) and has {@code caller} ask for a
     * callback; returns the queue's API path once the callback is stored.
     */
    private static String callbackAsked(int httpPort, String host, BaresipPhone caller, List<BaresipPhone> phones)
            throws InterruptedException {
        AdminApi api = admin(httpPort);
        String tenant = "/tenants/" + api.tenantId("demo.crosspoint.local");
        String queue = tenant + "/queues/" + queueId(api, tenant, "600");
        ok(api.exchange("PUT", queue, "{\"number\":\"600\",\"name\":\"support\",\"strategy\":\"LONGEST_IDLE\","
                + "\"noAnswerSeconds\":20,\"callbackAfterSeconds\":1,\"callbackRetries\":1,"
                + "\"callbackRetrySeconds\":10}"));
        ok(api.exchange("PUT", queue + "/members", "[{\"userId\":" + userId(api, tenant, "1002") + "}]"));
        for (BaresipPhone p : phones) {
            p.awaitRegistered(WAIT);
        }
        CallbackIT.asksForACallback(caller, "sip:600@" + host);
        await().atMost(WAIT).until(() -> waiting(api, tenant).size() == 1);
        assertThat(waiting(api, tenant).get(0).get("callback").asBoolean()).isTrue();
        return queue;
    }

    private static void joins(BaresipPhone phone, String host) throws InterruptedException {
        phone.dial("sip:600@" + host);
        phone.awaitEvent("CALL_ESTABLISHED", WAIT);
        Thread.sleep(100);
    }

    /** The entries waiting in the tenant's only queue, head first (the supervisor's board). */
    private static List<JsonNode> waiting(AdminApi api, String tenant) {
        List<JsonNode> entries = new ArrayList<>();
        for (JsonNode q : api.get(tenant + "/acd/board").get("queues")) {
            if ("600".equals(q.get("stats").get("number").asText())) {
                q.get("waiting").forEach(entries::add);
            }
        }
        return entries;
    }

    private static long queueId(AdminApi api, String tenant, String number) {
        for (JsonNode q : list(api.get(tenant + "/queues"))) {
            if (number.equals(q.get("number").asText())) {
                return q.get("id").asLong();
            }
        }
        throw new IllegalStateException("no queue " + number);
    }

    private static long userId(AdminApi api, String tenant, String extension) {
        return list(api.get(tenant + "/users?extension=" + extension)).get(0).get("id").asLong();
    }

    private static List<JsonNode> list(JsonNode answer) {
        List<JsonNode> items = new ArrayList<>();
        (answer.isArray() ? answer : answer.get("items")).forEach(items::add);
        return items;
    }

    private static void ok(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    private static AdminApi admin(int httpPort) {
        return new AdminApi(httpPort, "admin", "admin-pw-4321");
    }

    private static BaresipPhone phone(String extension, String host, double tone) {
        return BaresipPhone.builder("sip:" + extension + "@" + host).password(PASSWORD).tone(tone)
                .answerMode(AnswerMode.MANUAL).start();
    }
}
