package com.crosspoint.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.acd.ContactCenter;
import com.crosspoint.api.HttpJson.Res;
import com.crosspoint.events.AcdMoveEvent;
import com.crosspoint.events.Event;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supervisor's move of a waiting caller over real HTTP: who may, what moves, every bad input named. */
class QueueMoveApiTest {
    @TempDir
    static Path dir;
    static ApplianceFixture app;
    static String root;
    static long tenantA;
    static long tenantB;
    static long sales;
    static long support;
    static long otherTenantsQueue;
    static final List<Event> events = new CopyOnWriteArrayList<>();
    private long entry;

    @BeforeAll
    static void start() {
        app = ApplianceFixture.start(dir);
        root = app.loginAdmin();
        tenantA = app.createTenant(root, "A", "ma.example.com");
        tenantB = app.createTenant(root, "B", "mb.example.com");
        sales = queue(tenantA, "600");
        support = queue(tenantA, "601");
        otherTenantsQueue = queue(tenantB, "600");
        app.appliance().events().subscribe("test-moves", e -> e instanceof AcdMoveEvent, events::add);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @AfterEach
    void leave() {
        for (long q : List.of(sales, support)) {
            app.appliance().acd().center().leave(q, entry, ContactCenter.Outcome.ABANDONED);
        }
    }

    private static long queue(long tenant, String number) {
        Res r = app.post("/api/v1/tenants/" + tenant + "/queues", root, "{\"number\":\"" + number
                + "\",\"name\":\"Q " + number + "\",\"strategy\":\"RING_ALL\"}");
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    private long waitIn(long queueId) {
        entry = app.appliance().acd().center().join(queueId, "+15550001", "Caller", false, o -> { }).entryId();
        return entry;
    }

    private static String move(long tenant, long queueId, long entryId) {
        return "/api/v1/tenants/" + tenant + "/queues/" + queueId + "/waiting/" + entryId + "/move";
    }

    private static void assertField(Res r, int status, String field) {
        assertThat(r.status()).as(r.raw().body()).isEqualTo(status);
        assertThat(r.body().get("field").asText()).as(r.raw().body()).isEqualTo(field);
    }

    @Test
    void aSupervisorMovesAWaitingCallerToTheEndOfAnotherQueueAndTheStreamSaysSo() {
        long ahead = app.appliance().acd().center().join(support, "+15550009", "", false, o -> { }).entryId();
        try {
            long e = waitIn(sales);

            Res r = app.post(move(tenantA, sales, e), root, "{\"toQueueId\":" + support + "}");

            assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
            assertThat(r.body().get("queueId").asLong()).isEqualTo(support);
            assertThat(r.body().get("position").asInt()).isEqualTo(2);
            var board = app.get("/api/v1/tenants/" + tenantA + "/acd/board", root).body().get("queues");
            assertThat(board.findValues("waiting").get(0).size()).as("sales, sorted first").isZero();
            assertThat(board.get(1).get("waiting").findValuesAsText("entryId"))
                    .containsExactly(String.valueOf(ahead), String.valueOf(e));
            assertThat(board.get(0).get("stats").get("transferred").asInt()).isEqualTo(1);
            assertThat(board.get(0).get("stats").get("abandoned").asInt()).isZero();
            await().atMost(Duration.ofSeconds(5)).until(() -> !events.isEmpty());
            AcdMoveEvent moved = (AcdMoveEvent) events.get(events.size() - 1);
            assertThat(moved.entryId()).isEqualTo(e);
            assertThat(moved.fromQueueId()).isEqualTo(sales);
            assertThat(moved.toQueueId()).isEqualTo(support);
        } finally {
            app.appliance().acd().center().leave(support, ahead, ContactCenter.Outcome.ABANDONED);
        }
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        long e = waitIn(sales);

        assertField(app.post(move(tenantA, sales, e), root, "{\"toQueueId\":" + otherTenantsQueue + "}"), 404,
                "toQueueId");
        assertField(app.post(move(tenantA, sales, e), root, "{\"toQueueId\":987654}"), 404, "toQueueId");
        assertField(app.post(move(tenantA, otherTenantsQueue, e), root, "{\"toQueueId\":" + support + "}"), 404,
                "queueId");
        assertField(app.post(move(tenantA, sales, e), root, "{\"toQueueId\":" + sales + "}"), 400, "toQueueId");
        assertField(app.post(move(tenantA, sales, e), root, "{}"), 400, "toQueueId");
        assertField(app.post(move(tenantA, sales, e), root, "{\"toQueueId\":-3}"), 400, "toQueueId");
        assertField(app.post(move(tenantA, sales, e + 1000), root, "{\"toQueueId\":" + support + "}"), 409,
                "entryId");
        assertField(app.post(move(tenantA, support, e), root, "{\"toQueueId\":" + sales + "}"), 409, "entryId");
        assertField(app.post("/api/v1/tenants/" + tenantA + "/queues/" + sales + "/waiting/x/move", root,
                "{\"toQueueId\":" + support + "}"), 400, "entryId");
        assertThat(app.post(move(tenantA, sales, e), root, "{\"toQueueId\":").status()).as("garbage").isEqualTo(400);
        assertThat(app.post(move(tenantA, sales, e), root, "{\"toQueueId\":\"" + "9".repeat(300_000) + "\"}")
                .status()).as("oversize").isIn(400, 413);
        assertThat(app.appliance().acd().center().waiting(sales)).as("nothing moved").hasSize(1);
    }

    @Test
    void onlyTheTenantsSupervisorsMayMoveAndAnotherTenantsQueuesAreUnknown() {
        long e = waitIn(sales);
        Res created = app.post("/api/v1/admins", root, "{\"username\":\"admin-mb\",\"password\":\"password-admin-mb\","
                + "\"role\":\"ADMIN\",\"tenantId\":" + tenantB + "}");
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        String otherAdmin = app.login("admin-mb", "password-admin-mb");

        assertThat(app.post(move(tenantA, sales, e), otherAdmin, "{\"toQueueId\":" + support + "}").status())
                .isEqualTo(403);
        assertThat(app.post(move(tenantB, sales, e), otherAdmin, "{\"toQueueId\":" + support + "}").status())
                .as("tenant A's queue seen from tenant B").isEqualTo(404);
        assertThat(app.post(move(tenantA, sales, e), null, "{\"toQueueId\":" + support + "}").status())
                .isEqualTo(401);
        assertThat(app.appliance().acd().center().waiting(sales)).hasSize(1);
    }

    @Test
    void aBurstOfMovesFromOneClientIsAnsweredAndMovesTheCallerOnce() throws Exception {
        long e = waitIn(sales);
        var pool = Executors.newFixedThreadPool(8);
        try {
            var burst = new java.util.ArrayList<Future<Integer>>();
            for (int i = 0; i < 60; i++) {
                burst.add(pool.submit(() -> app.post(move(tenantA, sales, e), root,
                        "{\"toQueueId\":" + support + "}").status()));
            }
            int moved = 0;
            for (var f : burst) {
                int status = f.get(30, TimeUnit.SECONDS);
                assertThat(status).isIn(200, 409, 429, 503);
                moved += status == 200 ? 1 : 0;
            }
            assertThat(moved).as("one move, the others find it gone").isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(app.appliance().acd().center().waiting(support)).extracting(w -> w.id()).containsExactly(e);
    }
}
