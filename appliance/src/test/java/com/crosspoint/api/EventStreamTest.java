package com.crosspoint.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.crosspoint.call.CallSnapshot;
import com.crosspoint.call.CallState;
import com.crosspoint.model.CallQualitySummary;
import com.crosspoint.registrar.RegisterOutcome;
import com.crosspoint.registrar.RegisterRequest;
import com.crosspoint.registrar.RegisterRequest.ContactSpec;
import com.crosspoint.testing.EventClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Proxy;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.eclipse.jetty.websocket.api.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The WebSocket event stream: snapshot first, then deltas published by the real services. */
class EventStreamTest {
    @TempDir
    static Path dir;
    static ApplianceFixture app;
    static String root;
    static long tenantA;
    static long tenantB;
    static long userA;
    static long deviceA;

    @BeforeAll
    static void start() {
        app = ApplianceFixture.start(dir);
        root = app.loginAdmin();
        tenantA = app.createTenant(root, "A", "a.example.com");
        tenantB = app.createTenant(root, "B", "b.example.com");
        userA = app.post("/api/v1/tenants/" + tenantA + "/users", root, "{\"extension\":\"5001\"}").body().get("id").asLong();
        deviceA = app.post("/api/v1/tenants/" + tenantA + "/users/" + userA + "/devices", root, "{}").body()
                .get("id").asLong();
        app.post("/api/v1/admins", root, "{\"username\":\"bella\",\"password\":\"password-bella\",\"role\":\"ADMIN\","
                + "\"tenantId\":" + tenantB + "}");
        app.post("/api/v1/admins", root, "{\"username\":\"otto\",\"password\":\"password-otto\",\"role\":\"OPERATOR\"}");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static void call(String id, long tenant, CallState state) {
        app.appliance().activeCalls().update(new CallSnapshot(id, tenant, "5001", "Ann", "5002", null, state,
                Instant.now(), state == CallState.ANSWERED ? Instant.now() : null, null));
    }

    private static void register(String contact, long expires) {
        var out = (RegisterOutcome.Accepted) app.appliance().registrar().register(new RegisterRequest(tenantA, userA,
                deviceA, "sip:5001@a.example.com", List.of(new ContactSpec(contact, expires)), false, null,
                "reg-" + contact, expires == 0 ? 2 : 1, "UDP", "127.0.0.1:6000", "TestPhone/2"));
        out.committed().join();
    }

    private static JsonNode awaitFrame(EventClient c, String type) {
        await().atMost(Duration.ofSeconds(10)).until(() -> c.types().contains(type));
        return c.frames().stream().filter(f -> f.get("type").asText().equals(type)).findFirst().orElseThrow();
    }

    @Test
    void snapshotThenDeltasWithIncreasingSeq() throws Exception {
        call("before@host", tenantA, CallState.ANSWERED);
        try (EventClient c = EventClient.connect(app.baseUrl(), "token=" + root, null)) {
            JsonNode snapshot = awaitFrame(c, "snapshot");
            assertThat(snapshot.get("seq").asLong()).isEqualTo(1);
            assertThat(snapshot.get("calls").findValuesAsText("callId")).contains("before@host");
            assertThat(snapshot.has("registrations")).isTrue();

            call("live@host", tenantA, CallState.RINGING);
            register("sip:5001@127.0.0.1:6000", 600);
            call("live@host", tenantA, CallState.ENDED);

            JsonNode ringing = awaitFrame(c, "call.ringing");
            JsonNode added = awaitFrame(c, "registration.added");
            JsonNode ended = awaitFrame(c, "call.ended");
            assertThat(ringing.get("call").get("callId").asText()).isEqualTo("live@host");
            assertThat(ringing.get("tenantId").asLong()).isEqualTo(tenantA);
            assertThat(added.get("registration").get("extension").asText()).isEqualTo("5001");
            assertThat(added.get("registration").get("contact").asText()).isEqualTo("sip:5001@127.0.0.1:6000");
            assertThat(ended.get("call").get("state").asText()).isEqualTo("ENDED");
            List<Long> seqs = c.frames().stream().map(f -> f.get("seq").asLong()).toList();
            assertThat(seqs).isSorted().doesNotHaveDuplicates().startsWith(1L, 2L);
        } finally {
            call("before@host", tenantA, CallState.ENDED);
            register("sip:5001@127.0.0.1:6000", 0);
        }
    }

    @Test
    void callFramesCarryTheQualityOfAnAnchoredCallAndNullOtherwise() throws Exception {
        try (EventClient c = EventClient.connect(app.baseUrl(), "token=" + root, null)) {
            awaitFrame(c, "snapshot");
            app.appliance().activeCalls().update(new CallSnapshot("vm@host", tenantA, "5001", "Ann", "5002", "voicemail",
                    CallState.ENDED, Instant.now(), Instant.now(), "PCMU", new CallQualitySummary(3.85, 5, 1.25, null)));
            call("relayed@host", tenantA, CallState.RINGING);

            JsonNode ended = awaitFrame(c, "call.ended");
            JsonNode quality = ended.get("call").get("quality");
            assertThat(quality.get("mos").asDouble()).isEqualTo(3.85);
            assertThat(quality.get("lossPercent").asDouble()).isEqualTo(5.0);
            assertThat(quality.get("jitterMillis").asDouble()).isEqualTo(1.25);
            assertThat(quality.has("rttMillis")).isTrue();
            assertThat(quality.get("rttMillis").isNull()).isTrue();
            JsonNode ringing = awaitFrame(c, "call.ringing");
            assertThat(ringing.get("call").get("quality").isNull()).as("a call the appliance does not anchor").isTrue();
        } finally {
            call("relayed@host", tenantA, CallState.ENDED);
        }
    }

    @Test
    void snapshotShowsCurrentRegistrations() throws Exception {
        register("sip:5001@127.0.0.1:6001", 600);
        try (EventClient c = EventClient.connect(app.baseUrl(), null, root)) {
            JsonNode snapshot = awaitFrame(c, "snapshot");
            assertThat(snapshot.get("registrations").findValuesAsText("contact")).contains("sip:5001@127.0.0.1:6001");
        } finally {
            register("sip:5001@127.0.0.1:6001", 0);
        }
    }

    @Test
    void anAdminGetsOnlyItsOwnTenantsEvents() throws Exception {
        String bella = app.login("bella", "password-bella");
        try (EventClient c = EventClient.connect(app.baseUrl(), "token=" + bella, null)) {
            awaitFrame(c, "snapshot");
            call("a-call@host", tenantA, CallState.RINGING);
            call("b-call@host", tenantB, CallState.RINGING);

            JsonNode b = awaitFrame(c, "call.ringing");
            assertThat(b.get("call").get("callId").asText()).isEqualTo("b-call@host");
            assertThat(b.get("seq").asLong()).isEqualTo(2);
        } finally {
            call("a-call@host", tenantA, CallState.ENDED);
            call("b-call@host", tenantB, CallState.ENDED);
        }
    }

    @Test
    void operatorsDoNotReceiveInstantMessages() throws Exception {
        String otto = app.login("otto", "password-otto");
        var tenant = app.appliance().directory().tenant(tenantA).orElseThrow();
        try (EventClient c = EventClient.connect(app.baseUrl(), "token=" + otto, null)) {
            awaitFrame(c, "snapshot");
            app.appliance().messages().send(tenant, "5001", "5002", "text/plain", "psst").join();
            call("after-im@host", tenantA, CallState.RINGING);

            awaitFrame(c, "call.ringing");
            assertThat(c.types()).doesNotContain("message.stored");
        } finally {
            call("after-im@host", tenantA, CallState.ENDED);
        }
    }

    @Test
    void adminsReceiveInstantMessages() throws Exception {
        var tenant = app.appliance().directory().tenant(tenantA).orElseThrow();
        try (EventClient c = EventClient.connect(app.baseUrl(), "token=" + root, null)) {
            awaitFrame(c, "snapshot");
            app.appliance().messages().send(tenant, "5001", "5003", "text/plain", "hello").join();

            JsonNode m = awaitFrame(c, "message.stored");
            assertThat(m.get("message").get("body").asText()).isEqualTo("hello");
        }
    }

    @Test
    void loggingOutEndsTheStreamAtTheNextEvent() throws Exception {
        String token = app.loginAdmin();
        try (EventClient c = EventClient.connect(app.baseUrl(), "token=" + token, null)) {
            awaitFrame(c, "snapshot");
            app.post("/api/v1/auth/logout", token, null);
            call("after-logout@host", tenantA, CallState.RINGING);

            await().atMost(Duration.ofSeconds(10)).until(() -> c.closed().isDone());
            assertThat(c.closed().get()).isEqualTo(1008);
            assertThat(c.types()).doesNotContain("call.ringing");
        } finally {
            call("after-logout@host", tenantA, CallState.ENDED);
        }
    }

    @Test
    void aClientThatFallsBehindIsClosedWith1013() {
        List<String> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Object> closes = new java.util.concurrent.CopyOnWriteArrayList<>();
        // A session whose sends never complete: the client reads nothing.
        Session stuck = (Session) Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[]{Session.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "sendText" -> sent.add((String) args[0]);
                        case "close" -> closes.add(args == null ? "close()" : args[0] + " " + args[1]);
                        case "isOpen" -> {
                            return closes.isEmpty();
                        }
                        case "hashCode" -> {
                            return System.identityHashCode(proxy);
                        }
                        case "equals" -> {
                            return proxy == args[0];
                        }
                        default -> { }
                    }
                    return null;
                });
        var a = app.appliance();
        var logins = new LoginSessions(Duration.ofHours(1), java.time.Clock.systemUTC());
        String token = logins.open(new Principal(1, "admin", com.crosspoint.model.Role.SUPERADMIN, null, null, null)).token();
        var frames = new EventFrames(a.directory(), a.registrar(), a.activeCalls(), new RegistrationMapper(a.directory(), a.registrar()),
                java.time.Clock.systemUTC());
        var stream = new EventStream(a.events(), logins, frames, Json.newMapper(), ApiSettings.defaults(),
                new SecurityCounters());
        var session = new EventSession(logins.use(token).orElseThrow(), token, logins, frames, stream,
                Json.newMapper(), 3);
        session.onWebSocketOpen(stuck);

        var e = new com.crosspoint.events.CallEvent(new CallSnapshot("x@h", tenantA, "1", null, "2", null,
                CallState.RINGING, Instant.now(), null, null), Instant.now());
        for (int i = 0; i < 4; i++) {
            session.offer(e);
        }

        assertThat(sent).hasSize(1).first().asString().contains("\"snapshot\"");
        assertThat(closes).containsExactly("1013 " + EventSession.OVERFLOW);
        assertThat(stream.openSessions()).as("left when the close completes").isEqualTo(1);
        session.onWebSocketClose(1013, EventSession.OVERFLOW);
        assertThat(stream.openSessions()).isZero();
    }

    @Test
    void noTokenNoStream() {
        assertThatThrownBy(() -> EventClient.connect(app.baseUrl(), null, null))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(WebSocketHandshakeException.class,
                        e -> assertThat(e.getResponse().statusCode()).isEqualTo(401));
        assertThatThrownBy(() -> EventClient.connect(app.baseUrl(), "token=wrong", null))
                .cause().isInstanceOf(WebSocketHandshakeException.class);
    }

    @Test
    void plainHttpOnTheStreamPathIs426() {
        var r = app.get("/api/v1/events", root);

        assertThat(r.status()).isEqualTo(426);
        assertThat(r.raw().headers().firstValue("Upgrade")).hasValue("websocket");
    }
}
