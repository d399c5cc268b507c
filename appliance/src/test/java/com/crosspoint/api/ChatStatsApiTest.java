package com.crosspoint.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.api.HttpJson.Res;
import com.crosspoint.chat.ChatAgent;
import com.crosspoint.chat.ChatLine;
import com.crosspoint.chat.ChatParty;
import com.crosspoint.chat.ChatSnapshot;
import com.crosspoint.chat.ChatState;
import com.crosspoint.chat.ChatVisitor;
import com.crosspoint.chat.VisitorLink;
import com.crosspoint.store.ChatStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chat statistics over real HTTP: history per interval from the stored chats (JSON, CSV), and now. */
class ChatStatsApiTest {
    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    @TempDir
    static Path dir;
    static ApplianceFixture app;
    static String root;
    static long tenantA;
    static long alice;
    static String base;

    @BeforeAll
    static void start() {
        app = ApplianceFixture.start(dir);
        root = app.loginAdmin();
        tenantA = app.createTenant(root, "A", "ca.example.com");
        Res user = app.post("/api/v1/tenants/" + tenantA + "/users", root,
                "{\"extension\":\"1001\",\"displayName\":\"Alice\",\"webPassword\":\"alice-web-1\"}");
        alice = user.body().get("id").asLong();
        Res queue = app.post("/api/v1/tenants/" + tenantA + "/queues", root,
                "{\"number\":\"650\",\"name\":\"Support\",\"strategy\":\"RING_ALL\",\"serviceLevelSeconds\":30}");
        assertThat(queue.status()).as(queue.raw().body()).isEqualTo(201);
        app.put("/api/v1/tenants/" + tenantA + "/queues/" + queue.body().get("id").asLong() + "/members", root,
                "[{\"userId\":" + alice + "}]");
        base = "/api/v1/tenants/" + tenantA + "/acd";
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void historyPerIntervalComesAsJsonOrCsvAndItsQueryIsChecked() {
        ChatStore chats = app.appliance().stores().chats();
        stored(chats, "650", T0, 10, 70);                        // in time (30 s), handled 60 s
        stored(chats, "support", T0.plusSeconds(1200), 40, 160); // by name, late, handled 120 s
        stored(chats, "=HYPERLINK(\"x\")", T0.plusSeconds(900), -1, 5); // no queue (any more): abandoned after 5 s
        String history = base + "/history/chat-queues?from=2026-12-01T00:00:00Z&to=2026-12-02T00:00:00Z&interval=";

        Res hours = app.get(history + "HOUR", root);
        assertThat(hours.status()).as(hours.raw().body()).isEqualTo(200);
        assertThat(hours.body().get("interval").asText()).isEqualTo("HOUR");
        assertThat(hours.body().get("rows")).hasSize(2).first().satisfies(row -> {
            assertThat(row.get("start").asText()).isEqualTo("2026-12-01T09:00:00Z");
            assertThat(row.get("queue").asText()).isEqualTo("650");
            assertThat(row.get("offered").asInt()).isEqualTo(2);
            assertThat(row.get("serviceLevelSeconds").asInt()).isEqualTo(30);
            assertThat(row.get("serviceLevelPercent").asDouble()).isEqualTo(50.0);
            assertThat(row.get("averageAnswerSeconds").asDouble()).isEqualTo(25.0);
            assertThat(row.get("averageHandleSeconds").asDouble()).isEqualTo(90.0);
        });
        assertThat(app.get(history + "fifteen_minutes", root).body().get("rows")).hasSize(3);
        Res csv = new Browser(app.baseUrl()).send("GET", history + "DAY&format=csv", null,
                Map.of("Authorization", "Bearer " + root));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.raw().headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.raw().body().split("\r\n")).containsExactly(
                "intervalStart,queue,offered,answered,abandoned,averageAbandonSeconds,serviceLevelSeconds,"
                        + "serviceLevelPercent,averageAnswerSeconds,averageHandleSeconds,longestWaitSeconds",
                "2026-12-01T00:00:00Z,650,2,2,0,0,30,50,25,90,40",
                "2026-12-01T00:00:00Z,\"'=HYPERLINK(\"\"x\"\")\",1,0,1,5,20,0,0,0,5");
        Res agents = new Browser(app.baseUrl()).send("GET", history.replace("chat-queues", "chat-agents")
                + "DAY&format=csv", null, Map.of("Authorization", "Bearer " + root));
        assertThat(agents.raw().body().split("\r\n")).containsExactly(
                "intervalStart,userId,extension,answered,averageHandleSeconds",
                "2026-12-01T00:00:00Z," + alice + ",1001,2,90");

        assertField(app.get(history.replace("&interval=", ""), root), 400, "interval");
        assertField(app.get(history + "WEEK", root), 400, "interval");
        assertField(app.get(history.replace("from=2026-12-01T00:00:00Z", "from=yesterday") + "DAY", root), 400,
                "from");
        assertField(app.get(history.replace("to=2026-12-02", "to=2026-11-02") + "DAY", root), 400, "to");
        assertField(app.get(history.replace("to=2026-12-02", "to=2028-12-02") + "DAY", root), 400, "to");
        assertField(app.get(history + "DAY&format=xml", root), 400, "format");
        Res huge = app.get(history.replace("from=2026-12-01T00:00:00Z", "from=" + "9".repeat(6_000)) + "DAY", root);
        assertThat(huge.status()).as("an oversized query is refused").isIn(400, 414, 431);
        Browser user = new Browser(app.baseUrl());
        assertThat(user.loginUser("1001", "alice-web-1", "ca.example.com").status()).isEqualTo(200);
        assertThat(user.call("GET", history + "DAY", null).status()).as("an end user sees no history")
                .isEqualTo(403);
        long otherTenant = app.createTenant(root, "B", "cb.example.com");
        assertThat(app.get(history.replace("/tenants/" + tenantA, "/tenants/" + otherTenant) + "DAY", root)
                .body().get("rows")).as("another tenant's history is its own").isEmpty();
    }

    @Test
    void nowAQueueShowsItsWaitingChatAndTodaysFigures() {
        Browser agent = new Browser(app.baseUrl());
        agent.loginUser("1001", "alice-web-1", "ca.example.com");
        // logged in but paused: visitors may chat, and the chat waits
        assertThat(agent.call("PUT", "/api/v1/me/agent", "{\"status\":\"AVAILABLE\",\"chatCapacity\":1}").status())
                .isEqualTo(200);
        assertThat(agent.call("PUT", "/api/v1/me/agent", "{\"status\":\"PAUSED\",\"reason\":\"x\"}").status())
                .isEqualTo(200);
        Instant now = Instant.now();
        stored(app.appliance().stores().chats(), "Support", now, -1, 0);
        ChatSnapshot open = app.appliance().chats().open(tenantA, "650",
                new ChatVisitor("Visitor", null, null, "127.0.0.9"), new QuietLink());
        try {
            Res stats = app.get(base + "/chat-queues/stats", root);
            assertThat(stats.status()).as(stats.raw().body()).isEqualTo(200);
            assertThat(stats.body()).singleElement().satisfies(row -> {
                assertThat(row.get("queue").asText()).isEqualTo("650");
                assertThat(row.get("waiting").asInt()).isEqualTo(1);
                assertThat(row.get("longestWaitSeconds").asDouble()).isBetween(0.0, 60.0);
                assertThat(row.get("offeredToday").asInt()).isEqualTo(2);
                assertThat(row.get("answeredToday").asInt()).isZero();
                assertThat(row.get("abandonedToday").asInt()).isEqualTo(1);
            });
            Browser user = new Browser(app.baseUrl());
            user.loginUser("1001", "alice-web-1", "ca.example.com");
            assertThat(user.call("GET", base + "/chat-queues/stats", null).status()).isEqualTo(403);
            assertThat(app.get("/api/v1/tenants/999999/acd/chat-queues/stats", root).status()).isEqualTo(404);
        } finally {
            app.appliance().chats().visitorEnds(open.id());
        }
    }

    /**
     * A chat stored as the service stores it; {@code answeredAfter} -1: nobody answered; it ended
     * {@code endedAfter} seconds after it started.
     */
    private static void stored(ChatStore chats, String queue, Instant created, int answeredAfter, int endedAfter) {
        ChatSnapshot fresh = new ChatSnapshot(0, tenantA, queue, new ChatVisitor("V", null, null, "192.0.2.1"),
                ChatState.WAITING, null, created, null, null, null, List.of());
        long id = chats.create(fresh);
        boolean answered = answeredAfter >= 0;
        chats.update(new ChatSnapshot(id, tenantA, queue, fresh.visitor(), ChatState.ENDED,
                answered ? new ChatAgent(alice, "1001", "Alice") : null, created,
                answered ? created.plusSeconds(answeredAfter) : null, created.plusSeconds(endedAfter),
                answered ? ChatParty.AGENT : ChatParty.VISITOR, List.of()));
    }

    private static void assertField(Res r, int status, String field) {
        assertThat(r.status()).as(r.raw().body()).isEqualTo(status);
        assertThat(r.body().get("field").asText()).isEqualTo(field);
    }

    /** The visitor's side, which this test does not read. */
    private static final class QuietLink implements VisitorLink {
        @Override
        public void started(ChatSnapshot chat, String token) {
        }

        @Override
        public void line(ChatLine line) {
        }

        @Override
        public void state(ChatSnapshot chat) {
        }

        @Override
        public void position(int position, Duration estimate) {
        }

        @Override
        public void agentTyping() {
        }

        @Override
        public void read(long seq) {
        }

        @Override
        public void close(String reason) {
        }
    }
}
