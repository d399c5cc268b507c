package com.crosspoint.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.api.HttpJson.Res;
import com.crosspoint.auth.PasswordHasher;
import com.crosspoint.model.User;
import com.crosspoint.testing.BaresipPhone;
import com.crosspoint.testing.EventClient;
import com.crosspoint.testing.ReceivedMessage;
import com.crosspoint.testing.TestAppliance;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Messages between a browser (end-user API) and a real SIP phone, both ways. */
class WebMessagesIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static TestAppliance pbx;

    @BeforeAll
    static void start() {
        pbx = TestAppliance.start();
        User alice = pbx.user("1001", "Alice", "pw-alice-1001");
        pbx.user("1002", "Bob", "pw-bob-1002");
        pbx.appliance().stores().users().setWebPasswordHash(alice.id(), PasswordHasher.hash("alice-web-1"));
    }

    @AfterAll
    static void stop() {
        pbx.close();
    }

    @Test
    void aBrowserAndAPhoneExchangeMessages() throws Exception {
        Browser alice = new Browser("http://127.0.0.1:" + pbx.appliance().httpPort());
        assertThat(alice.loginUser("1001", "alice-web-1", TestAppliance.DOMAIN).status()).isEqualTo(200);

        try (BaresipPhone bob = BaresipPhone.builder(pbx.uri("1002")).password("pw-bob-1002").contact(pbx.uri("1001"))
                .start();
             EventClient events = EventClient.connect(alice.origin(), Map.of("Cookie", alice.cookie,
                     "Origin", alice.origin()))) {
            bob.awaitRegistered(WAIT);

            Res sent = alice.call("POST", "/api/v1/me/messages", "{\"to\":\"1002\",\"body\":\"from the browser\"}");

            assertThat(sent.status()).as(sent.raw().body()).isEqualTo(201);
            assertThat(sent.body().get("outcome").asText()).isEqualTo("DELIVERED");
            assertThat(sent.body().get("message").get("deliveredAt").isNull()).isFalse();
            await().atMost(WAIT).until(() -> bob.receivedMessages().stream().map(ReceivedMessage::text)
                    .anyMatch("from the browser"::equals));

            bob.sendMessage(pbx.uri("1001"), "from the phone");

            await().atMost(WAIT).until(() -> events.frames().stream()
                    .anyMatch(f -> f.get("type").asText().equals("message.stored")
                            && f.get("message").get("body").asText().equals("from the phone")));
            JsonNode conversation = alice.get("/api/v1/me/conversations").body().get(0);
            assertThat(conversation.get("peer").asText()).isEqualTo("1002");
            assertThat(conversation.get("unread").asInt()).isEqualTo(1);
            assertThat(conversation.get("lastMessage").get("body").asText()).isEqualTo("from the phone");
            assertThat(alice.call("POST", "/api/v1/me/messages/read", "{\"peer\":\"1002\"}").status()).isEqualTo(204);
            assertThat(pbx.appliance().stores().messages().pendingFor(pbx.tenant().id(), "1001")).isEmpty();
        }
    }
}
