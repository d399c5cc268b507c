package com.crosspoint.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.crosspoint.api.HttpJson.Res;
import com.crosspoint.call.CallSnapshot;
import com.crosspoint.call.CallState;
import com.crosspoint.model.CallRecord;
import com.crosspoint.model.Disposition;
import com.crosspoint.model.HangupParty;
import com.crosspoint.registrar.RegisterOutcome;
import com.crosspoint.registrar.RegisterRequest;
import com.crosspoint.registrar.RegisterRequest.ContactSpec;
import com.crosspoint.testing.EventClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The end-user API over real HTTP: profile, settings, password, devices, calls, messages, status, event stream. */
class MeApiTest {
    @TempDir
    static Path dir;
    static ApplianceFixture app;
    static String root;
    static long tenantA;
    static long tenantC;
    static long alice;
    static long aliceDevice;
    static long aliceSecondDevice;
    static long bob;
    static long bobDevice;

    @BeforeAll
    static void start() {
        app = ApplianceFixture.start(dir);
        root = app.loginAdmin();
        tenantA = app.createTenant(root, "A", "a.example.com");
        tenantC = app.createTenant(root, "C", "c.example.com");
        alice = user(tenantA, "1001", "Alice", "alice-web-1");
        bob = user(tenantA, "1002", "Bob", "bob-web-12");
        user(tenantA, "1004", "Carol", "carol-web-1");
        user(tenantA, "1005", "Dave", "dave-web-12");
        user(tenantA, "1006", "Erin", "erin-web-12");
        aliceDevice = device(tenantA, alice, "alice-desk");
        aliceSecondDevice = device(tenantA, alice, "alice-mobile");
        bobDevice = device(tenantA, bob, "bob-desk");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static long user(long tenant, String ext, String name, String webPassword) {
        Res r = app.post("/api/v1/tenants/" + tenant + "/users", root, "{\"extension\":\"" + ext
                + "\",\"displayName\":\"" + name + "\",\"webPassword\":\"" + webPassword + "\"}");
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    static long device(long tenant, long user, String sipUsername) {
        Res r = app.post("/api/v1/tenants/" + tenant + "/users/" + user + "/devices", root,
                "{\"sipUsername\":\"" + sipUsername + "\"}");
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    static Browser login(String ext, String password, String domain) {
        Browser b = new Browser(app.baseUrl());
        Res r = b.loginUser(ext, password, domain);
        assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
        return b;
    }

    static void register(long tenant, long user, long device, String aor, String contact) {
        var out = (RegisterOutcome.Accepted) app.appliance().registrar().register(new RegisterRequest(tenant, user,
                device, aor, List.of(new ContactSpec(contact, 600L)), false, null, "reg-" + contact, 1, "UDP",
                "127.0.0.1:6000", "TestPhone/2"));
        out.committed().join();
    }

    static void call(String id, long tenant, String caller, String callee) {
        app.appliance().activeCalls().update(new CallSnapshot(id, tenant, caller, null, callee, null,
                CallState.RINGING, Instant.now(), null, null));
    }

    static void cdr(long tenant, String callId, String caller, String callee, Instant startedAt) {
        app.appliance().stores().cdrs().save(new CallRecord(0, tenant, callId, caller, callee, startedAt,
                startedAt.plusSeconds(2), startedAt.plusSeconds(62), Disposition.ANSWERED, HangupParty.CALLER, 200));
    }

    @Test
    void meShowsTheProfileOfTheLogin() {
        Res r = login("1001", "alice-web-1", "a.example.com").get("/api/v1/me");

        assertThat(r.status()).isEqualTo(200);
        JsonNode me = r.body();
        assertThat(me.get("userId").asLong()).isEqualTo(alice);
        assertThat(me.get("tenantId").asLong()).isEqualTo(tenantA);
        assertThat(me.get("domain").asText()).isEqualTo("a.example.com");
        assertThat(me.get("extension").asText()).isEqualTo("1001");
        assertThat(me.get("displayName").asText()).isEqualTo("Alice");
        assertThat(me.has("email")).isTrue();
        assertThat(me.get("settings").get("noAnswerSeconds").asInt()).isPositive();
        assertThat(me.has("webPassword")).isFalse();
    }

    @Test
    void settingsAreValidatedByFieldAndSaved() {
        Browser b = login("1005", "dave-web-12", "a.example.com");

        Res badTarget = b.call("PUT", "/api/v1/me/settings", "{\"forwardNoAnswer\":\"abc\"}");
        Res badType = b.call("PUT", "/api/v1/me/settings", "{\"noAnswerSeconds\":\"ten\"}");
        Res badRange = b.call("PUT", "/api/v1/me/settings", "{\"noAnswerSeconds\":100000}");
        Res ok = b.call("PUT", "/api/v1/me/settings", "{\"forwardNoAnswer\":\"1002\",\"noAnswerSeconds\":15}");

        assertThat(badTarget.status()).isEqualTo(400);
        assertThat(badTarget.field()).isEqualTo("forwardNoAnswer");
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.field()).isEqualTo("noAnswerSeconds");
        assertThat(badRange.status()).isEqualTo(400);
        assertThat(badRange.field()).isEqualTo("noAnswerSeconds");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body().get("settings").get("forwardNoAnswer").asText()).isEqualTo("1002");
        assertThat(app.appliance().directory().userByExtension(tenantA, "1005").orElseThrow().settings()
                .noAnswerSeconds()).isEqualTo(15);
    }

    @Test
    void passwordChangeNeedsTheCurrentOneAndEndsOtherSessions() {
        long frank = user(tenantC, "3009", "Frank", "frank-web-1");
        Browser here = login("3009", "frank-web-1", "c.example.com");
        Browser elsewhere = login("3009", "frank-web-1", "c.example.com");

        Res wrong = here.call("PUT", "/api/v1/me/password",
                "{\"currentPassword\":\"not-it-at-all\",\"newPassword\":\"frank-web-2\"}");
        Res tooShort = here.call("PUT", "/api/v1/me/password",
                "{\"currentPassword\":\"frank-web-1\",\"newPassword\":\"short\"}");
        Res ok = here.call("PUT", "/api/v1/me/password",
                "{\"currentPassword\":\"frank-web-1\",\"newPassword\":\"frank-web-2\"}");

        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.field()).isEqualTo("currentPassword");
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.field()).isEqualTo("newPassword");
        assertThat(ok.status()).isEqualTo(204);
        assertThat(here.get("/api/v1/me").status()).isEqualTo(200);
        assertThat(elsewhere.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(new Browser(app.baseUrl()).loginUser("3009", "frank-web-1", "c.example.com").status()).isEqualTo(401);
        assertThat(new Browser(app.baseUrl()).loginUser("3009", "frank-web-2", "c.example.com").status()).isEqualTo(200);
        assertThat(frank).isPositive();
    }

    @Test
    void devicesShowWhetherTheyAreRegistered() {
        register(tenantA, alice, aliceDevice, "sip:1001@a.example.com", "sip:1001@127.0.0.1:6001");
        Browser b = login("1001", "alice-web-1", "a.example.com");

        Res r = b.get("/api/v1/me/devices");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).hasSize(2);
        JsonNode desk = r.body().get(0);
        JsonNode mobile = r.body().get(1);
        assertThat(desk.get("id").asLong()).isEqualTo(aliceDevice);
        assertThat(desk.get("sipUsername").asText()).isEqualTo("alice-desk");
        assertThat(desk.get("registered").asBoolean()).isTrue();
        assertThat(desk.get("registrations")).hasSize(1);
        assertThat(desk.get("registrations").get(0).get("contact").asText()).isEqualTo("sip:1001@127.0.0.1:6001");
        assertThat(desk.get("createdAt").asText()).endsWith("Z");
        assertThat(mobile.get("id").asLong()).isEqualTo(aliceSecondDevice);
        assertThat(mobile.get("registered").asBoolean()).isFalse();
        assertThat(mobile.get("registrations")).isEmpty();
        assertThat(login("1004", "carol-web-1", "a.example.com").get("/api/v1/me/devices").body()).isEmpty();
    }

    @Test
    void myCallsAreTheOnesIAmPartyTo() {
        Instant now = Instant.now();
        cdr(tenantA, "c1@x", "1006", "1002", now.minusSeconds(300));
        cdr(tenantA, "c2@x", "1002", "1006", now.minusSeconds(200));
        cdr(tenantA, "c3@x", "1002", "1004", now.minusSeconds(100));
        Browser b = login("1006", "erin-web-12", "a.example.com");

        Res r = b.get("/api/v1/me/calls");
        Res page = b.get("/api/v1/me/calls?offset=1&limit=1");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("total").asLong()).isEqualTo(2);
        assertThat(r.body().get("items").findValuesAsText("callId")).containsExactly("c2@x", "c1@x");
        assertThat(page.body().get("items").findValuesAsText("callId")).containsExactly("c1@x");
        assertThat(b.get("/api/v1/me/calls?limit=0").field()).isEqualTo("limit");
    }

    @Test
    void theDirectoryListsEveryoneElseOfTheTenant() {
        Res r = login("1002", "bob-web-12", "a.example.com").get("/api/v1/me/directory");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().findValuesAsText("extension")).containsExactly("1001", "1004", "1005", "1006");
        assertThat(r.body().get(0).get("displayName").asText()).isEqualTo("Alice");
        assertThat(r.body().get(0).size()).isEqualTo(2);
    }

    @Test
    void messagesToAUserWithoutDevicesAreStoredCountedUnreadAndMarkedRead() throws Exception {
        Browser carol = login("1004", "carol-web-1", "a.example.com");
        Browser dave = login("1005", "dave-web-12", "a.example.com");

        try (EventClient carolEvents = EventClient.connect(app.baseUrl(),
                Map.of("Cookie", carol.cookie, "Origin", carol.origin()))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> carolEvents.types().contains("snapshot"));

            Res sent = dave.call("POST", "/api/v1/me/messages", "{\"to\":\"1004\",\"body\":\"hello, \\\"Carol\\\"\"}");
            dave.call("POST", "/api/v1/me/messages", "{\"to\":\"1004\",\"body\":\"still there?\"}");
            carol.call("POST", "/api/v1/me/messages", "{\"to\":\"1002\",\"body\":\"hi Bob\"}");

            assertThat(sent.status()).as(sent.raw().body()).isEqualTo(201);
            assertThat(sent.body().get("outcome").asText()).isEqualTo("STORED");
            JsonNode m = sent.body().get("message");
            assertThat(m.get("from").asText()).isEqualTo("1005");
            assertThat(m.get("to").asText()).isEqualTo("1004");
            assertThat(m.get("body").asText()).isEqualTo("hello, \"Carol\"");
            assertThat(m.get("contentType").asText()).isEqualTo("text/plain");
            assertThat(m.get("deliveredAt").isNull()).isTrue();
            assertThat(m.get("readAt").isNull()).isTrue();
            await().atMost(Duration.ofSeconds(10)).until(() -> carolEvents.frames().stream()
                    .filter(f -> f.get("type").asText().equals("message.stored"))
                    .anyMatch(f -> f.get("message").get("id").asLong() == m.get("id").asLong()));
        }

        Res conversations = carol.get("/api/v1/me/conversations");
        assertThat(conversations.status()).isEqualTo(200);
        assertThat(conversations.body().findValuesAsText("peer")).containsExactly("1002", "1005");
        JsonNode withDave = conversations.body().get(1);
        assertThat(withDave.get("peerName").asText()).isEqualTo("Dave");
        assertThat(withDave.get("unread").asInt()).isEqualTo(2);
        assertThat(withDave.get("lastMessage").get("body").asText()).isEqualTo("still there?");
        assertThat(conversations.body().get(0).get("unread").asInt()).isZero();
        assertThat(dave.get("/api/v1/me/conversations").body().get(0).get("unread").asInt()).isZero();

        Res thread = carol.get("/api/v1/me/messages?peer=1005");
        assertThat(thread.body().get("items").findValuesAsText("body")).containsExactly("still there?", "hello, \"Carol\"");

        assertThat(carol.call("POST", "/api/v1/me/messages/read", "{\"peer\":\"1005\"}").status()).isEqualTo(204);

        assertThat(carol.get("/api/v1/me/conversations").body().get(1).get("unread").asInt()).isZero();
        JsonNode read = carol.get("/api/v1/me/messages?peer=1005&limit=1").body().get("items").get(0);
        assertThat(read.get("readAt").asText()).endsWith("Z");
        // Read in the browser counts as delivered: nothing waits for Carol's phone any more.
        assertThat(read.get("deliveredAt").asText()).isNotEmpty();
        assertThat(app.appliance().stores().messages().pendingFor(tenantA, "1004")).isEmpty();
    }

    @Test
    void sendingIsValidatedByField() {
        Browser b = login("1002", "bob-web-12", "a.example.com");

        Res self = b.call("POST", "/api/v1/me/messages", "{\"to\":\"1002\",\"body\":\"me\"}");
        Res nobody = b.call("POST", "/api/v1/me/messages", "{\"to\":\"1999\",\"body\":\"hi\"}");
        Res otherTenant = b.call("POST", "/api/v1/me/messages", "{\"to\":\"3009\",\"body\":\"hi\"}");
        Res empty = b.call("POST", "/api/v1/me/messages", "{\"to\":\"1001\",\"body\":\"\"}");
        Res huge = b.call("POST", "/api/v1/me/messages", "{\"to\":\"1001\",\"body\":\"" + "x".repeat(4001) + "\"}");
        Res noPeer = b.get("/api/v1/me/messages");
        Res badJson = b.call("POST", "/api/v1/me/messages", "{\"to\":1001}");

        for (Res r : new Res[]{self, nobody, otherTenant}) {
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.field()).isEqualTo("to");
        }
        assertThat(empty.field()).isEqualTo("body");
        assertThat(huge.field()).isEqualTo("body");
        assertThat(noPeer.status()).isEqualTo(400);
        assertThat(noPeer.field()).isEqualTo("peer");
        assertThat(badJson.status()).isEqualTo(400);
        assertThat(badJson.field()).isEqualTo("to");
    }

    @Test
    void aUsersEventStreamCarriesOnlyItsOwnRegistrationsCallsAndMessages() throws Exception {
        long gina = user(tenantA, "1007", "Gina", "gina-web-12");
        long ginaDevice = device(tenantA, gina, "gina-desk");
        call("other-before@x", tenantA, "1001", "1002");
        call("gina-before@x", tenantA, "1001", "1007");
        Browser b = login("1007", "gina-web-12", "a.example.com");

        try (EventClient events = EventClient.connect(app.baseUrl(), Map.of("Cookie", b.cookie, "Origin", b.origin()))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> events.types().contains("snapshot"));
            JsonNode snapshot = events.frames().get(0);
            assertThat(snapshot.get("calls").findValuesAsText("callId")).containsExactly("gina-before@x");
            assertThat(snapshot.get("registrations")).isEmpty();

            register(tenantA, bob, bobDevice, "sip:1002@a.example.com", "sip:1002@127.0.0.1:6002");
            call("other-after@x", tenantA, "1002", "1001");
            login("1002", "bob-web-12", "a.example.com").call("POST", "/api/v1/me/messages",
                    "{\"to\":\"1001\",\"body\":\"not for Gina\"}");
            register(tenantA, gina, ginaDevice, "sip:1007@a.example.com", "sip:1007@127.0.0.1:6003");
            call("gina-after@x", tenantA, "1007", "1002");
            login("1002", "bob-web-12", "a.example.com").call("POST", "/api/v1/me/messages",
                    "{\"to\":\"1007\",\"body\":\"for Gina\"}");

            await().atMost(Duration.ofSeconds(10)).until(() -> events.types().contains("message.stored"));
            List<String> seen = new ArrayList<>();
            for (JsonNode f : events.frames()) {
                String type = f.get("type").asText();
                if (type.startsWith("call.")) {
                    seen.add(type + " " + f.get("call").get("callId").asText());
                } else if (type.startsWith("registration.")) {
                    seen.add(type + " " + f.get("registration").get("extension").asText());
                } else if (type.startsWith("message.")) {
                    seen.add(type + " " + f.get("message").get("body").asText());
                }
            }
            assertThat(seen).containsExactly("registration.added 1007", "call.ringing gina-after@x",
                    "message.stored for Gina");
        }
    }

    @Test
    void theCookieEventStreamNeedsTheAppliancesOwnOrigin() throws Exception {
        Browser b = login("1002", "bob-web-12", "a.example.com");

        assertThatThrownBy(() -> EventClient.connect(app.baseUrl(),
                Map.of("Cookie", b.cookie, "Origin", "https://evil.example.net")))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e).getResponse().statusCode()).isEqualTo(403));
        assertThatThrownBy(() -> EventClient.connect(app.baseUrl(), Map.of("Cookie", b.cookie)))
                .cause().isInstanceOf(WebSocketHandshakeException.class);
        try (EventClient ok = EventClient.connect(app.baseUrl(), Map.of("Cookie", b.cookie, "Origin", b.origin()))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> ok.types().contains("snapshot"));
        }
    }

    @Test
    void loggingOutClosesTheLoginsEventStreamAtOnce() throws Exception {
        Browser b = login("1002", "bob-web-12", "a.example.com");
        try (EventClient events = EventClient.connect(app.baseUrl(), Map.of("Cookie", b.cookie, "Origin", b.origin()))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> events.types().contains("snapshot"));

            assertThat(b.call("POST", "/api/v1/web/logout", null).status()).isEqualTo(204);

            // No event for this user follows: only the logout itself can close the stream.
            assertThat(events.closed().get(5, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(1008);
        }
    }

    @Test
    void statusNarrowsToOneTenantTheLoginSees() {
        long tenantD = app.createTenant(root, "Status", "status.example.com");
        cdr(tenantD, "s-1@s", "4001", "4002", Instant.now());
        cdr(tenantD, "s-2@s", "4002", "4001", Instant.now());
        cdr(tenantA, "a-extra@a", "1001", "1002", Instant.now());

        JsonNode onlyD = app.get("/api/v1/status?tenantId=" + tenantD, root).body();
        JsonNode all = app.get("/api/v1/status", root).body();

        assertThat(onlyD.get("callsToday").asLong()).isEqualTo(2);
        assertThat(onlyD.get("activeCalls").asInt()).isZero();
        assertThat(all.get("callsToday").asLong()).isGreaterThanOrEqualTo(3);
        Browser bob = login("1002", "bob-web-12", "a.example.com");
        assertThat(bob.get("/api/v1/status?tenantId=" + tenantD).status()).isEqualTo(403);
        assertThat(bob.get("/api/v1/status?tenantId=" + tenantA).status()).isEqualTo(200);
        HttpJson.Res bad = app.get("/api/v1/status?tenantId=x", root);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("field").asText()).isEqualTo("tenantId");
    }

    @Test
    void statusCountsWhatTheLoginSees() {
        long hank = user(tenantC, "3001", "Hank", "hank-web-12");
        long hankDevice = device(tenantC, hank, "hank-desk");
        long ivy = user(tenantC, "3002", "Ivy", "ivy-web-123");
        long ivyDevice = device(tenantC, ivy, "ivy-desk");
        register(tenantC, hank, hankDevice, "sip:3001@c.example.com", "sip:3001@127.0.0.1:6101");
        register(tenantC, ivy, ivyDevice, "sip:3002@c.example.com", "sip:3002@127.0.0.1:6102");
        Instant now = Instant.now();
        ZoneId zone = ZoneId.systemDefault();
        Instant midnight = LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant();
        cdr(tenantC, "today-1@c", "3001", "3002", now);
        cdr(tenantC, "today-2@c", "3002", "3003", now);
        cdr(tenantC, "yesterday@c", "3001", "3002", midnight.minusSeconds(3600));
        call("live@c", tenantC, "3002", "3003");
        app.post("/api/v1/admins", root, "{\"username\":\"cadmin\",\"password\":\"password-cadmin\",\"role\":\"ADMIN\","
                + "\"tenantId\":" + tenantC + "}");

        JsonNode admin = app.get("/api/v1/status", app.login("cadmin", "password-cadmin")).body();
        JsonNode hankStatus = login("3001", "hank-web-12", "c.example.com").get("/api/v1/status").body();

        assertThat(admin.get("registeredDevices").asInt()).isEqualTo(2);
        assertThat(admin.get("activeCalls").asInt()).isEqualTo(1);
        assertThat(admin.get("callsToday").asLong()).isEqualTo(3);
        assertThat(admin.get("at").asText()).endsWith("Z");
        assertThat(hankStatus.get("registeredDevices").asInt()).isEqualTo(1);
        assertThat(hankStatus.get("activeCalls").asInt()).isZero();
        assertThat(hankStatus.get("callsToday").asLong()).isEqualTo(1);
        assertThat(app.get("/api/v1/status", null).status()).isEqualTo(401);
    }

    @Test
    void cdrExportIsCsvWithQuotingAndDefusedFormulas() {
        long tenantD = app.createTenant(root, "D", "d.example.com");
        Instant t = Instant.parse("2026-01-02T10:00:00Z");
        app.appliance().stores().cdrs().save(new CallRecord(0, tenantD, "plain@d", "4001", "4002", t, null,
                t.plusSeconds(5), Disposition.NO_ANSWER, HangupParty.CALLER, 487));
        app.appliance().stores().cdrs().save(new CallRecord(0, tenantD, "a,\"b\"@d", "=HYPERLINK(\"x\")", "+4930",
                t.plusSeconds(60), t.plusSeconds(62), t.plusSeconds(122), Disposition.ANSWERED, HangupParty.CALLEE, 200));

        Browser api = new Browser(app.baseUrl());
        Map<String, String> bearer = Map.of("Authorization", "Bearer " + root);
        Res r = api.send("GET", "/api/v1/tenants/" + tenantD + "/cdrs/export", null, bearer);
        Res filtered = api.send("GET", "/api/v1/tenants/" + tenantD + "/cdrs/export?disposition=ANSWERED", null, bearer);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.raw().headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");
        assertThat(r.raw().headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"cdrs-" + tenantD + ".csv\"");
        String[] lines = r.raw().body().split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo(CdrCsv.HEADER);
        assertThat(lines[1]).endsWith(",\"a,\"\"b\"\"@d\",\"'=HYPERLINK(\"\"x\"\")\",'+4930,2026-01-02T10:01:00Z,"
                + "2026-01-02T10:01:02Z,2026-01-02T10:02:02Z,ANSWERED,CALLEE,200,60,,,,,,,,,,"); // no quality (relayed),
        // no end reason and no charges (an internal call is not rated)
        assertThat(lines[2]).endsWith(",plain@d,4001,4002,2026-01-02T10:00:00Z,,2026-01-02T10:00:05Z,NO_ANSWER,CALLER,487,0,"
                + ",,,,,,,,,");
        assertThat(filtered.raw().body().split("\r\n")).hasSize(2);
        assertThat(app.get("/api/v1/tenants/" + tenantD + "/cdrs/export?from=x", root).field()).isEqualTo("from");
        assertThat(login("1002", "bob-web-12", "a.example.com").get("/api/v1/tenants/" + tenantA + "/cdrs/export")
                .status()).isEqualTo(403);
    }
}
