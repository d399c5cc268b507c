package com.crosspoint.it.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import com.crosspoint.model.User;
import com.crosspoint.testing.AdminApi;
import com.crosspoint.testing.ChatQueue;
import com.crosspoint.testing.ChatVisitorClient;
import com.crosspoint.testing.EventClient;
import com.crosspoint.testing.RawWebSocket;
import com.crosspoint.testing.TestAppliance;
import com.crosspoint.testing.web.AgentWeb;
import com.crosspoint.testing.web.Dashboards;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The visitor chat end to end over real sockets: a visitor on {@code /chat/ws} and an agent on the REST API and
 * its event stream, against the real appliance; the chat reaches the agent, lines flow both ways, a dropped
 * visitor resumes with nothing lost or doubled, and the transcript is stored for the agent and the admin.
 */
class VisitorChatIT {
    static final String SITE = "https://shop.example.com";
    static final String PASSWORD = "agent-secret-1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MESSAGES_TO_STALLED = 200;
    private static TestAppliance pbx;
    private static User alice;

    @BeforeAll
    static void start() {
        pbx = TestAppliance.start(Map.of("chat.sites", TestAppliance.DOMAIN + "=" + SITE));
        alice = pbx.user("2001", "Alice Agent", "sip-secret-1");
        ChatQueue.create(pbx, "680", "support", false, alice);
        Dashboards.webPassword(pbx, alice, PASSWORD);
    }

    @AfterAll
    static void stop() {
        if (pbx != null) {
            pbx.close();
        }
    }

    static String base() {
        return Dashboards.base(pbx);
    }

    @Test
    void aVisitorChatsWithAnAgentBothWaysResumesAfterADropAndTheTranscriptIsStored() throws Exception {
        AgentWeb login = AgentWeb.login(pbx, "2001", PASSWORD);
        login.call("PUT", "/api/v1/me/chats/availability", "{\"available\":true}");
        try (EventClient stream = EventClient.connect(base(), Map.of("Cookie", "crosspoint_session="
                + login.session(), "Origin", base()))) {
            ChatVisitorClient visitor = ChatVisitorClient.connect(base(), TestAppliance.DOMAIN, SITE);
            visitor.start("support", "<script>alert('x')</script>");
            await().atMost(Duration.ofSeconds(5)).until(() -> stream.types().contains("chat.offered"));
            long chatId = visitor.frames("started").get(0).get("chat").asLong();
            JsonNode offered = stream.frames().stream().filter(f -> f.get("type").asText().equals("chat.offered"))
                    .findFirst().orElseThrow();
            assertThat(offered.at("/chat/visitorName").asText()).isEqualTo("<script>alert('x')</script>");

            login.call("POST", "/api/v1/me/chats/" + chatId + "/accept", null);
            await().atMost(Duration.ofSeconds(5)).until(() -> !visitor.frames("state").isEmpty());
            assertThat(visitor.frames("state").get(0).get("agent").asText()).isEqualTo("Alice Agent");
            visitor.say("Where is my parcel?");
            await().atMost(Duration.ofSeconds(5)).until(() -> stream.types().contains("chat.line"));
            login.call("POST", "/api/v1/me/chats/" + chatId + "/messages", "{\"text\":\"On its way.\"}");
            await().atMost(Duration.ofSeconds(5)).until(() -> visitor.lineTexts().contains("On its way."));

            // The network drops; the agent writes meanwhile; the visitor comes back with the last line it saw.
            long lastSeen = visitor.frames("line").get(visitor.frames("line").size() - 1).get("seq").asLong();
            String token = visitor.token();
            visitor.abort();
            login.call("POST", "/api/v1/me/chats/" + chatId + "/messages", "{\"text\":\"Still there?\"}");
            ChatVisitorClient back = ChatVisitorClient.connect(base(), TestAppliance.DOMAIN, SITE);
            back.resume(token, lastSeen);
            await().atMost(Duration.ofSeconds(5)).until(() -> back.lineTexts().contains("Still there?"));
            assertThat(back.lineTexts()).containsExactly("Still there?");
            back.say("Yes, thanks!");
            back.send("{\"type\":\"end\"}");
            assertThat(back.closed().get(5, TimeUnit.SECONDS)).isEqualTo(1000);
            assertThat(back.frames("state")).last().extracting(f -> f.get("endedBy").asText()).isEqualTo("visitor");
            await().atMost(Duration.ofSeconds(5)).until(() -> stream.types().contains("chat.ended"));

            JsonNode mine = login.call("GET", "/api/v1/me/chats/" + chatId, null);
            assertThat(mine.get("lines").findValuesAsText("text")).containsExactly("Alice Agent joined the chat",
                    "Where is my parcel?", "On its way.", "Still there?", "Yes, thanks!");
            assertThat(login.call("GET", "/api/v1/me/chats/history", null).get("items").findValuesAsText("id"))
                    .contains(String.valueOf(chatId));
            AdminApi admin = new AdminApi(pbx.appliance().httpPort(), Dashboards.ADMIN, Dashboards.ADMIN_PASSWORD);
            JsonNode stored = admin.get("/tenants/" + pbx.tenant().id() + "/chats/" + chatId);
            assertThat(stored.get("endedBy").asText()).isEqualTo("visitor");
            assertThat(stored.get("agentExtension").asText()).isEqualTo("2001");
            assertThat(stored.get("lines")).hasSize(5);
        }
    }

    /**
     * A visitor that stops reading (a tiny receive window, nothing read) holds up neither the agent nor the chat
     * service; when it reads again every line is there, in order. (What happens once the kernel's buffers and the
     * server's queue are full, a close with 1013, is OutboundFramesTest's: loopback buffers take megabytes.)
     */
    @Test
    void aVisitorThatStopsReadingHoldsUpNobodyAndLaterGetsEveryLineInOrder() throws Exception {
        AgentWeb login = AgentWeb.login(pbx, "2001", PASSWORD);
        login.call("PUT", "/api/v1/me/chats/availability", "{\"available\":true}");
        try (RawWebSocket stalled = RawWebSocket.open(pbx.appliance().httpPort(), "/chat/ws?tenant="
                + TestAppliance.DOMAIN, SITE, 1024)) {
            stalled.sendText("{\"type\":\"start\",\"queue\":\"support\",\"name\":\"Stalled\"}");
            long chatId = await().atMost(Duration.ofSeconds(5)).until(() -> {
                for (JsonNode c : login.call("GET", "/api/v1/me/chats", null).get("chats")) {
                    if (c.get("visitorName").asText().equals("Stalled")) {
                        return c.get("id").asLong();
                    }
                }
                return 0L;
            }, id -> id > 0);
            login.call("POST", "/api/v1/me/chats/" + chatId + "/accept", null);
            String text = "z".repeat(990);
            for (int i = 0; i < MESSAGES_TO_STALLED; i++) {
                login.call("POST", "/api/v1/me/chats/" + chatId + "/messages", "{\"text\":\"" + i + text + "\"}");
            }
            ChatVisitorClient other = ChatVisitorClient.connect(base(), TestAppliance.DOMAIN, SITE);
            other.start("support", "Meanwhile");
            await().atMost(Duration.ofSeconds(5)).until(() -> other.frames("started").size() == 1);
            other.send("{\"type\":\"end\"}");

            List<Long> seqs = new ArrayList<>();
            while (seqs.size() < MESSAGES_TO_STALLED + 1) {
                RawWebSocket.Frame f = stalled.read();
                assertThat(f).as("frame after %d lines", seqs.size()).isNotNull();
                JsonNode frame = JSON.readTree(f.text());
                if (frame.get("type").asText().equals("line")) {
                    seqs.add(frame.get("seq").asLong());
                }
            }
            assertThat(seqs).isSorted().doesNotHaveDuplicates().first().isEqualTo(1L);
            login.call("POST", "/api/v1/me/chats/" + chatId + "/end", null);
        }
    }

    @Test
    void anOriginNotOnTheTenantsListOrATenantWithoutChatIsRefusedAtTheUpgrade() {
        assertThat(refusal(TestAppliance.DOMAIN, "https://evil.example")).isEqualTo(403);
        assertThat(refusal(TestAppliance.DOMAIN, null)).isEqualTo(403);
        assertThat(refusal("nochat.example", SITE)).isEqualTo(404);
        assertThat(pbx.appliance().api().refusedChatConnections()).isGreaterThanOrEqualTo(3);
    }

    static int refusal(String tenant, String origin) {
        return refusal(tenant, origin, pbx);
    }

    static int refusal(String tenant, String origin, TestAppliance on) {
        Throwable t = catchThrowable(() -> ChatVisitorClient.connect(Dashboards.base(on), tenant, origin));
        assertThat(t).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(WebSocketHandshakeException.class);
        return ((WebSocketHandshakeException) t.getCause()).getResponse().statusCode();
    }
}
