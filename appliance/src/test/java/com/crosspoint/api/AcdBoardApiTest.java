package com.crosspoint.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.api.HttpJson.Res;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supervisor's board over real HTTP: queues with their waiting callers in order, agents, who may read it. */
class AcdBoardApiTest {
    @TempDir
    static Path dir;
    static ApplianceFixture app;
    static String root;
    static long tenantA;
    static long tenantB;
    static long alice;
    static long queueId;

    @BeforeAll
    static void start() {
        app = ApplianceFixture.start(dir);
        root = app.loginAdmin();
        tenantA = app.createTenant(root, "A", "ba.example.com");
        tenantB = app.createTenant(root, "B", "bb.example.com");
        Res u = app.post("/api/v1/tenants/" + tenantA + "/users", root,
                "{\"extension\":\"1001\",\"displayName\":\"Alice\",\"webPassword\":\"alice-web-1\"}");
        assertThat(u.status()).as(u.raw().body()).isEqualTo(201);
        alice = u.body().get("id").asLong();
        Res q = app.post(board(tenantA).replace("acd/board", "queues"), root,
                "{\"number\":\"600\",\"name\":\"Support\",\"strategy\":\"RING_ALL\",\"serviceLevelSeconds\":25}");
        assertThat(q.status()).as(q.raw().body()).isEqualTo(201);
        queueId = q.body().get("id").asLong();
        Res m = app.put(board(tenantA).replace("acd/board", "queues/" + queueId + "/members"), root,
                "[{\"userId\":" + alice + "}]");
        assertThat(m.status()).as(m.raw().body()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static String board(long tenant) {
        return "/api/v1/tenants/" + tenant + "/acd/board";
    }

    @Test
    void theBoardListsTheWaitingCallersHeadFirstWithTheQueueFiguresAndTheAgents() {
        var center = app.appliance().acd().center();
        long first = center.join(queueId, "+15550001", "First <b>", false, o -> { }).entryId();
        long second = center.join(queueId, "+15550002", "", true, o -> { }).entryId();
        try {
            Res r = app.get(board(tenantA), root);
            assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
            JsonNode queue = r.body().get("queues").get(0);
            assertThat(queue.get("stats").get("name").asText()).isEqualTo("Support");
            assertThat(queue.get("stats").get("waiting").asInt()).isEqualTo(2);
            assertThat(queue.get("serviceLevelSeconds").asInt()).isEqualTo(25);
            JsonNode waiting = queue.get("waiting");
            assertThat(waiting.findValuesAsText("entryId")).containsExactly(String.valueOf(first),
                    String.valueOf(second));
            assertThat(waiting.get(0).get("callerName").asText()).isEqualTo("First <b>");
            assertThat(waiting.get(1).get("position").asInt()).isEqualTo(2);
            assertThat(waiting.get(1).get("callback").asBoolean()).isTrue();
            assertThat(waiting.get(0).get("joinedAt").asText()).isNotBlank();
            assertThat(r.body().get("at").asText()).isNotBlank();
        } finally {
            center.leave(queueId, first, com.crosspoint.acd.ContactCenter.Outcome.ABANDONED);
            center.leave(queueId, second, com.crosspoint.acd.ContactCenter.Outcome.ABANDONED);
        }
        assertThat(app.get(board(tenantA), root).body().get("queues").get(0).get("waiting").size()).isZero();
    }

    @Test
    void anAgentStateShowsOnTheBoard() {
        Res in = app.put("/api/v1/tenants/" + tenantA + "/agents/" + alice, root, "{\"status\":\"AVAILABLE\"}");
        assertThat(in.status()).as(in.raw().body()).isEqualTo(200);
        JsonNode agents = app.get(board(tenantA), root).body().get("agents");
        assertThat(agents.findValuesAsText("extension")).contains("1001");
        assertThat(agents.get(0).get("status").asText()).isEqualTo("AVAILABLE");
        app.put("/api/v1/tenants/" + tenantA + "/agents/" + alice, root, "{\"status\":\"LOGGED_OUT\"}");
    }

    @Test
    void anAgentSeesTheCallersWaitingInTheirOwnQueuesOnlyAndNoAgents() {
        Res other = app.post(board(tenantA).replace("acd/board", "queues"), root,
                "{\"number\":\"601\",\"name\":\"Elsewhere\",\"strategy\":\"RING_ALL\"}");
        assertThat(other.status()).as(other.raw().body()).isEqualTo(201);
        long otherQueue = other.body().get("id").asLong();
        var center = app.appliance().acd().center();
        long mine = center.join(queueId, "+15550003", "", false, o -> { }).entryId();
        long notMine = center.join(otherQueue, "+15550004", "", false, o -> { }).entryId();
        try {
            Browser user = new Browser(app.baseUrl());
            assertThat(user.loginUser("1001", "alice-web-1", "ba.example.com").status()).isEqualTo(200);
            Res r = user.get("/api/v1/me/agent/queues");
            assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
            assertThat(r.body().get("queues").findValuesAsText("name")).containsExactly("Support");
            assertThat(r.body().get("queues").get(0).get("waiting").findValuesAsText("caller"))
                    .containsExactly("+15550003");
            assertThat(r.body().get("agents").size()).isZero();
            assertThat(app.get("/api/v1/me/agent/queues", root).status()).isEqualTo(403);
        } finally {
            center.leave(queueId, mine, com.crosspoint.acd.ContactCenter.Outcome.ABANDONED);
            center.leave(otherQueue, notMine, com.crosspoint.acd.ContactCenter.Outcome.ABANDONED);
            app.delete(board(tenantA).replace("acd/board", "queues/" + otherQueue), root);
        }
    }

    @Test
    void anotherTenantsAdminAUserAndNobodyMayNotReadItAndUnknownTenantsAre404() {
        Res created = app.post("/api/v1/admins", root, "{\"username\":\"admin-bb\",\"password\":\"password-admin-bb\","
                + "\"role\":\"ADMIN\",\"tenantId\":" + tenantB + "}");
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        String otherAdmin = app.login("admin-bb", "password-admin-bb");
        assertThat(app.get(board(tenantA), otherAdmin).status()).isEqualTo(403);
        assertThat(app.get(board(tenantB), otherAdmin).body().get("queues").size()).isZero();
        assertThat(app.get(board(tenantA), null).status()).isEqualTo(401);
        Browser user = new Browser(app.baseUrl());
        assertThat(user.loginUser("1001", "alice-web-1", "ba.example.com").status()).isEqualTo(200);
        assertThat(user.get(board(tenantA)).status()).isEqualTo(403);
        assertThat(app.get(board(987654), root).status()).isEqualTo(404);
        assertThat(app.get("/api/v1/tenants/x/acd/board", root).status()).isEqualTo(400);
        assertThat(app.get("/api/v1/tenants/99999999999999999999/acd/board", root).status()).isEqualTo(400);
        assertThat(app.get("/api/v1/tenants/-1/acd/board", root).status()).isIn(400, 404);
    }

    @Test
    void aBurstOfReadsFromOneClientIsAnsweredAndAnotherTenantsAdminStillReadsAtOnce() throws Exception {
        Res created = app.post("/api/v1/admins", root, "{\"username\":\"admin-burst\",\"password\":"
                + "\"password-admin-burst\",\"role\":\"ADMIN\",\"tenantId\":" + tenantB + "}");
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        String otherAdmin = app.login("admin-burst", "password-admin-burst");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            var burst = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
            for (int i = 0; i < 200; i++) {
                burst.add(pool.submit(() -> app.get(board(tenantA), root).status()));
            }
            assertThat(app.get(board(tenantB), otherAdmin).status()).isEqualTo(200);
            for (var f : burst) {
                // answered, or refused by the per-source connection limit: never an error or a hang
                assertThat(f.get(30, java.util.concurrent.TimeUnit.SECONDS)).isIn(200, 429, 503);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(app.get(board(tenantA), root).status()).isEqualTo(200);
    }
}
