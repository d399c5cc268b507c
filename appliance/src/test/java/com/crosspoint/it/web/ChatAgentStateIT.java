package com.crosspoint.it.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.acd.AgentBoard;
import com.crosspoint.acd.AgentState;
import com.crosspoint.acd.AgentStatus;
import com.crosspoint.acd.service.AcdService;
import com.crosspoint.model.User;
import com.crosspoint.testing.BaresipPhone;
import com.crosspoint.testing.BaresipPhone.AnswerMode;
import com.crosspoint.testing.ChatQueue;
import com.crosspoint.testing.ChatVisitorClient;
import com.crosspoint.testing.TestAppliance;
import com.crosspoint.testing.web.AgentWeb;
import com.crosspoint.testing.web.Dashboards;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One agent state across voice and chat, with real clients: baresip phones call queue 680 ("support", chats not
 * offered during its calls), visitors chat over {@code /chat/ws}, agents use the dashboard's REST API. An agent on
 * a queue call gets no chat until the call ends; a chat-only agent gets chats up to its capacity (3) and the next
 * visitor waits first in line until one ends.
 */
class ChatAgentStateIT {
    private static final String SITE = "https://shop.example.com";
    private static final String PASSWORD = "agent-web-secret";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static TestAppliance pbx;
    private static AcdService acd;
    private static BaresipPhone caller;
    private static BaresipPhone voicePhone;
    private static User voiceAgent;
    private static User chatAgent;
    private final List<ChatVisitorClient> visitors = new ArrayList<>();

    @BeforeAll
    static void start() {
        pbx = TestAppliance.start(Map.of("chat.sites", TestAppliance.DOMAIN + "=" + SITE,
                "chat.maxChatsPerSource", "8", "chat.resumeSeconds", "0"));
        pbx.user("1001", "Caller", "pw-caller-1001");
        voiceAgent = pbx.user("1003", "Vic Voice", "pw-voice-1003");
        chatAgent = pbx.user("1004", "Cleo Chat", "pw-chat-1004");
        Dashboards.webPassword(pbx, voiceAgent, PASSWORD);
        Dashboards.webPassword(pbx, chatAgent, PASSWORD);
        acd = pbx.appliance().acd();
        ChatQueue.create(pbx, "680", "support", false, voiceAgent, chatAgent);
        caller = BaresipPhone.builder(pbx.uri("1001")).password("pw-caller-1001").answerMode(AnswerMode.MANUAL)
                .start();
        voicePhone = BaresipPhone.builder(pbx.uri("1003")).password("pw-voice-1003").answerMode(AnswerMode.AUTO)
                .start();
        caller.awaitRegistered(WAIT);
        voicePhone.awaitRegistered(WAIT);
    }

    @AfterAll
    static void stop() {
        BaresipPhone.closeAll(caller, voicePhone);
        if (pbx != null) {
            pbx.close();
        }
    }

    @AfterEach
    void leave() {
        visitors.forEach(ChatVisitorClient::close);
        for (User agent : List.of(voiceAgent, chatAgent)) {
            if (acd.center().agentState(agent.id()).map(s -> s.status().loggedIn()).orElse(false)) {
                acd.change(agent, new AgentBoard.Logout(agent.id()));
            }
        }
    }

    private ChatVisitorClient visitor(String name) throws Exception {
        ChatVisitorClient v = ChatVisitorClient.connect(Dashboards.base(pbx), TestAppliance.DOMAIN, SITE);
        visitors.add(v);
        v.start("support", name);
        await().atMost(WAIT).until(() -> !v.frames("started").isEmpty());
        return v;
    }

    private static List<String> chatsOf(AgentWeb agent) throws Exception {
        List<String> names = new ArrayList<>();
        for (JsonNode c : agent.call("GET", "/api/v1/me/chats", null).get("chats")) {
            names.add(c.get("visitorName").asText() + " " + c.get("state").asText());
        }
        return names;
    }

    private static AgentState state(User agent) {
        return acd.center().agentState(agent.id()).orElseThrow();
    }

    @Test
    void anAgentOnAQueueCallIsOfferedNoChatUntilTheCallEnds() throws Exception {
        AgentWeb vic = AgentWeb.login(pbx, "1003", PASSWORD);
        vic.call("PUT", "/api/v1/me/chats/availability", "{\"available\":true}"); // logs Vic in to the ACD
        caller.clearEvents();
        caller.dial(pbx.uri("680"));
        voicePhone.awaitEvent("CALL_ESTABLISHED", WAIT);
        await().atMost(WAIT).until(() -> state(voiceAgent).status() == AgentStatus.ON_CALL);

        ChatVisitorClient vera = visitor("Vera");
        await().atMost(WAIT).until(() -> !vera.frames("position").isEmpty());
        assertThat(vera.frames("position").get(0).get("position").asInt()).isEqualTo(1);
        Thread.sleep(2_000); // the ACD had every chance to offer it
        assertThat(chatsOf(vic)).isEmpty();
        assertThat(state(voiceAgent).chats()).isZero();

        caller.hangup();
        voicePhone.awaitEvent("CALL_CLOSED", WAIT);

        await().atMost(WAIT).until(() -> chatsOf(vic).contains("Vera offered"));
        assertThat(state(voiceAgent).chats()).isEqualTo(1);
    }

    @Test
    void aChatOnlyAgentGetsChatsUpToItsCapacityAndTheNextWaitsFirstInLine() throws Exception {
        AgentWeb cleo = AgentWeb.login(pbx, "1004", PASSWORD);
        cleo.call("PUT", "/api/v1/me/chats/availability", "{\"available\":true}");
        assertThat(state(chatAgent).chatCapacity()).isEqualTo(3); // acd.agentChatCapacity's default

        for (String name : List.of("Ann", "Ben", "Cid")) {
            visitor(name);
        }
        ChatVisitorClient dee = visitor("Dee");

        await().atMost(WAIT).until(() -> chatsOf(cleo).size() == 3);
        await().atMost(WAIT).until(() -> !dee.frames("position").isEmpty());
        assertThat(chatsOf(cleo)).containsExactly("Ann offered", "Ben offered", "Cid offered");
        assertThat(dee.frames("position").get(0).get("position").asInt()).isEqualTo(1);
        assertThat(state(chatAgent).chats()).isEqualTo(3);

        long ann = cleo.call("GET", "/api/v1/me/chats", null).get("chats").get(0).get("id").asLong();
        cleo.call("POST", "/api/v1/me/chats/" + ann + "/accept", null);
        cleo.call("POST", "/api/v1/me/chats/" + ann + "/end", null);

        await().atMost(WAIT).until(() -> chatsOf(cleo).contains("Dee offered"));
        assertThat(chatsOf(cleo)).hasSize(3);
        assertThat(state(chatAgent).chats()).isEqualTo(3);
    }
}
