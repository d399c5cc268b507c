package com.crosspoint.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.api.HttpJson.Res;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contact center's REST side over real HTTP: queues, members, agents, the agent's own state. */
class QueuesApiTest {
    @TempDir
    static Path dir;
    static ApplianceFixture app;
    static String root;
    static long tenantA;
    static long tenantB;
    static long alice;
    static long bob;
    static long otherTenantsUser;
    static String queues;

    @BeforeAll
    static void start() {
        app = ApplianceFixture.start(dir);
        root = app.loginAdmin();
        tenantA = app.createTenant(root, "A", "qa.example.com");
        tenantB = app.createTenant(root, "B", "qb.example.com");
        alice = user(tenantA, "1001", "Alice", "alice-web-1");
        bob = user(tenantA, "1002", "Bob", "bob-web-12");
        otherTenantsUser = user(tenantB, "2001", "Other", "other-web-1");
        queues = "/api/v1/tenants/" + tenantA + "/queues";
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static long user(long tenant, String ext, String name, String webPassword) {
        Res r = app.post("/api/v1/tenants/" + tenant + "/users", root, "{\"extension\":\"" + ext
                + "\",\"displayName\":\"" + name + "\",\"webPassword\":\"" + webPassword + "\"}");
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    private static Browser login(String ext, String password, String domain) {
        Browser b = new Browser(app.baseUrl());
        Res r = b.loginUser(ext, password, domain);
        assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
        return b;
    }

    private static long queue(String number, String more) {
        Res r = app.post(queues, root, "{\"number\":\"" + number + "\",\"name\":\"Q " + number
                + "\",\"strategy\":\"longest-idle\"" + more + "}");
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    @Test
    void aQueueIsCreatedWithDefaultsReadChangedAndDeleted() {
        long id = queue("600", ",\"maxWaitSeconds\":120,\"overflowTarget\":\"voicemail:1001\"");

        Res got = app.get(queues + "/" + id, root);
        assertThat(got.body().get("strategy").asText()).isEqualTo("LONGEST_IDLE");
        assertThat(got.body().get("noAnswerSeconds").asInt()).isEqualTo(QueueRequests.DEFAULT_NO_ANSWER);
        assertThat(got.body().get("overflowTarget").asText()).isEqualTo("voicemail:1001");
        assertThat(got.body().get("callbackRetries").asInt()).isEqualTo(2);
        assertThat(got.body().get("callbackRetrySeconds").asInt()).isEqualTo(60);
        Res changed = app.put(queues + "/" + id, root,
                "{\"number\":\"600\",\"name\":\"Sales\",\"strategy\":\"RING_ALL\",\"wrapUpSeconds\":30,"
                        + "\"callbackAfterSeconds\":45,\"callbackRetries\":0,\"callbackRetrySeconds\":120}");
        assertThat(changed.status()).as(changed.raw().body()).isEqualTo(200);
        assertThat(changed.body().get("wrapUpSeconds").asInt()).isEqualTo(30);
        Res stored = app.get(queues + "/" + id, root);
        assertThat(stored.body().get("callbackAfterSeconds").asInt()).isEqualTo(45);
        assertThat(stored.body().get("callbackRetries").asInt()).isZero();
        assertThat(stored.body().get("callbackRetrySeconds").asInt()).isEqualTo(120);
        assertThat(app.get(queues, root).body().findValuesAsText("name")).contains("Sales");

        assertThat(app.delete(queues + "/" + id, root).status()).isEqualTo(204);
        assertThat(app.get(queues + "/" + id, root).status()).isEqualTo(404);
    }

    @Test
    void badQueuesAreRefusedNamingTheField() {
        queue("610", "");
        assertField(app.post(queues, root, "{\"number\":\"6a\",\"name\":\"x\",\"strategy\":\"RING_ALL\"}"),
                400, "number");
        assertField(app.post(queues, root, "{\"number\":\"1001\",\"name\":\"x\",\"strategy\":\"RING_ALL\"}"),
                400, "number");
        assertField(app.post(queues, root, "{\"number\":\"611\",\"name\":\"x\",\"strategy\":\"LOUDEST\"}"),
                400, "strategy");
        assertField(app.post(queues, root, "{\"number\":\"611\",\"name\":\"x\",\"strategy\":\"SKILLS_BASED\"}"),
                400, "skill");
        assertField(app.post(queues, root, "{\"number\":\"611\",\"name\":\"x\",\"strategy\":\"RING_ALL\","
                + "\"noAnswerSeconds\":0}"), 400, "noAnswerSeconds");
        assertField(app.post(queues, root, "{\"number\":\"611\",\"name\":\"x\",\"strategy\":\"RING_ALL\","
                + "\"overflowTarget\":\"<script>\"}"), 400, "overflowTarget");
        assertField(app.post(queues, root, "{\"number\":\"611\",\"name\":\"x\",\"strategy\":\"RING_ALL\","
                + "\"callbackRetries\":11}"), 400, "callbackRetries");
        assertField(app.post(queues, root, "{\"number\":\"611\",\"name\":\"x\",\"strategy\":\"RING_ALL\","
                + "\"callbackRetrySeconds\":5}"), 400, "callbackRetrySeconds");
        assertField(app.post(queues, root, "{\"number\":\"611\",\"name\":\"x\",\"strategy\":\"RING_ALL\","
                + "\"callbackAfterSeconds\":-1}"), 400, "callbackAfterSeconds");
        assertField(app.post(queues, root, "{\"number\":\"611\",\"name\":\"" + "n".repeat(65)
                + "\",\"strategy\":\"RING_ALL\"}"), 400, "name");
        assertField(app.post(queues, root, "{\"number\":\"610\",\"name\":\"x\",\"strategy\":\"RING_ALL\"}"),
                409, "number");
        assertThat(app.post(queues, root, "[1,2").status()).isEqualTo(400);
    }

    @Test
    void membersAreUsersOfTheTenantAndAnotherTenantsAdminSeesNothing() {
        long id = queue("620", "");
        String members = queues + "/" + id + "/members";

        Res set = app.put(members, root, "[{\"userId\":" + alice + ",\"skills\":{\"sales\":1}},{\"userId\":" + bob
                + "}]");
        assertThat(set.status()).as(set.raw().body()).isEqualTo(200);
        assertThat(app.get(members, root).body().findValuesAsText("userId"))
                .containsExactly(String.valueOf(alice), String.valueOf(bob));
        assertField(app.put(members, root, "[{\"userId\":" + otherTenantsUser + "}]"), 400, "members");
        assertField(app.put(members, root, "[{\"userId\":" + bob + "},{\"userId\":" + bob + "}]"), 400, "members");
        assertField(app.put(members, root, "[{\"userId\":" + bob + ",\"skills\":{\"a,b\":1}}]"), 400, "members");
        assertField(app.put(members, root, "[{\"userId\":" + bob + ",\"skills\":{\"a\":10}}]"), 400, "members");

        Res created = app.post("/api/v1/admins", root, "{\"username\":\"admin-b\",\"password\":\"password-admin-b\","
                + "\"role\":\"ADMIN\",\"tenantId\":" + tenantB + "}");
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        String otherAdmin = app.post("/api/v1/auth/login", null,
                "{\"username\":\"admin-b\",\"password\":\"password-admin-b\"}").body().get("token").asText();
        assertThat(app.get(queues, otherAdmin).status()).isEqualTo(403);
        assertThat(app.get("/api/v1/tenants/" + tenantB + "/queues/" + id, otherAdmin).status()).isEqualTo(404);
    }

    @Test
    void anAgentLogsInPausesWithAReasonAndLogsOutAndASupervisorSeesIt() {
        long id = queue("630", "");
        app.put(queues + "/" + id + "/members", root, "[{\"userId\":" + bob + "}]");
        Browser b = login("1002", "bob-web-12", "qa.example.com");

        Res in = b.call("PUT", "/api/v1/me/agent", "{\"status\":\"AVAILABLE\",\"chatCapacity\":2}");
        assertThat(in.status()).as(in.raw().body()).isEqualTo(200);
        assertThat(in.body().get("agent").get("status").asText()).isEqualTo("AVAILABLE");
        assertThat(in.body().get("agent").get("chatCapacity").asInt()).isEqualTo(2);
        assertThat(in.body().get("queues").findValuesAsText("number")).contains("630");
        Res paused = b.call("PUT", "/api/v1/me/agent", "{\"status\":\"PAUSED\",\"reason\":\"lunch\"}");
        assertThat(paused.body().get("agent").get("pauseReason").asText()).isEqualTo("lunch");
        assertField(b.call("PUT", "/api/v1/me/agent", "{\"status\":\"PAUSED\",\"reason\":\"" + "r".repeat(65)
                + "\"}"), 400, "reason");
        assertField(b.call("PUT", "/api/v1/me/agent", "{\"status\":\"ASLEEP\"}"), 400, "status");

        Res agents = app.get("/api/v1/tenants/" + tenantA + "/agents", root);
        assertThat(agents.body().findValuesAsText("status")).containsExactly("PAUSED");
        Res out = app.put("/api/v1/tenants/" + tenantA + "/agents/" + bob, root, "{\"status\":\"LOGGED_OUT\"}");
        assertThat(out.body().get("status").asText()).isEqualTo("LOGGED_OUT");
        assertThat(b.get("/api/v1/me/agent").body().get("agent").get("status").asText()).isEqualTo("LOGGED_OUT");
        assertField(b.call("PUT", "/api/v1/me/agent", "{\"status\":\"PAUSED\"}"), 409, "status");
        Res stats = app.get(queues + "/" + id + "/stats", root);
        assertThat(stats.body().get("agents").get("LOGGED_OUT").asInt()).isEqualTo(1);
    }

    @Test
    void aUserInNoQueueCannotLogIn() {
        user(tenantA, "1003", "Carol", "carol-web-1");
        Browser b = login("1003", "carol-web-1", "qa.example.com");

        assertField(b.call("PUT", "/api/v1/me/agent", "{\"status\":\"AVAILABLE\"}"), 400, "agent");
    }

    @Test
    void historyPerIntervalComesAsJsonOrCsvAndItsQueryIsChecked() {
        long id = queue("640", "");
        java.time.Instant t0 = java.time.Instant.parse("2026-12-01T09:00:00Z");
        var store = app.appliance().stores().acd();
        store.addCallRecord(new com.crosspoint.acd.QueueCallRecord(tenantA, id, t0.plusSeconds(60),
                com.crosspoint.acd.QueueCallRecord.Outcome.ANSWERED, 5_000, alice, 55_000, 5_000, true));
        store.addCallRecord(new com.crosspoint.acd.QueueCallRecord(tenantA, id, t0.plusSeconds(1_000),
                com.crosspoint.acd.QueueCallRecord.Outcome.ABANDONED, 9_000, 0, 0, 0, false));
        String history = "/api/v1/tenants/" + tenantA + "/acd/history/queues?from=2026-12-01T00:00:00Z"
                + "&to=2026-12-02T00:00:00Z&interval=";

        Res hours = app.get(history + "HOUR", root);
        assertThat(hours.status()).as(hours.raw().body()).isEqualTo(200);
        assertThat(hours.body().get("rows")).singleElement().satisfies(row -> {
            assertThat(row.get("start").asText()).isEqualTo("2026-12-01T09:00:00Z");
            assertThat(row.get("offered").asInt()).isEqualTo(2);
            assertThat(row.get("serviceLevelPercent").asDouble()).isEqualTo(50.0);
            assertThat(row.get("averageHandleSeconds").asDouble()).isEqualTo(60.0);
        });
        assertThat(app.get(history + "fifteen_minutes", root).body().get("rows")).hasSize(2);
        Res csv = new Browser(app.baseUrl()).send("GET", history + "DAY&format=csv", null,
                java.util.Map.of("Authorization", "Bearer " + root));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.raw().headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.raw().body().split("\r\n")).containsExactly(
                "intervalStart,queueId,queueNumber,offered,answered,abandoned,overflowed,averageAbandonSeconds,"
                        + "serviceLevelPercent,averageAnswerSeconds,averageHandleSeconds,longestWaitSeconds,"
                        + "transferred,callbacksRequested,callbacksServed,callbacksFailed",
                "2026-12-01T00:00:00Z," + id + ",640,2,1,1,0,9,50,5,60,9,0,0,0,0");
        Res agents = app.get(history.replace("/queues?", "/agents?") + "DAY", root);
        assertThat(agents.body().get("rows")).singleElement()
                .satisfies(row -> assertThat(row.get("userId").asLong()).isEqualTo(alice));

        assertField(app.get(history.replace("&interval=", ""), root), 400, "interval");
        assertField(app.get(history + "WEEK", root), 400, "interval");
        assertField(app.get(history.replace("from=2026-12-01T00:00:00Z", "from=yesterday") + "DAY", root), 400,
                "from");
        assertField(app.get(history.replace("to=2026-12-02", "to=2026-11-02") + "DAY", root), 400, "to");
        assertField(app.get(history.replace("to=2026-12-02", "to=2028-12-02") + "DAY", root), 400, "to");
        assertField(app.get(history + "DAY&format=xml", root), 400, "format");
        Res huge = app.get(history.replace("from=2026-12-01T00:00:00Z", "from=" + "9".repeat(6_000)) + "DAY", root);
        assertThat(huge.status()).as("an oversized query is refused").isIn(400, 414, 431);
        Browser bob = login("1002", "bob-web-12", "qa.example.com");
        assertThat(bob.call("GET", history.substring(0, history.indexOf('?')) + "?interval=DAY&from=2026-12-01T00:00:00Z"
                + "&to=2026-12-02T00:00:00Z", null).status()).as("an end user sees no history").isEqualTo(403);
    }

    private static void assertField(Res r, int status, String field) {
        assertThat(r.status()).as(r.raw().body()).isEqualTo(status);
        assertThat(r.body().get("field").asText()).isEqualTo(field);
    }
}
