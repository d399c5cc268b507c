package com.crosspoint.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.api.HttpJson.Res;
import com.crosspoint.call.CallSnapshot;
import com.crosspoint.call.CallState;
import com.crosspoint.model.CallRecord;
import com.crosspoint.model.Disposition;
import com.crosspoint.model.HangupParty;
import com.crosspoint.model.InstantMessage;
import com.crosspoint.registrar.RegisterOutcome;
import com.crosspoint.registrar.RegisterRequest;
import com.crosspoint.registrar.RegisterRequest.ContactSpec;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Live state (registrations, calls, hang-up) and history (CDRs, messages) over the API. */
class StateApiTest {
    static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    @TempDir
    static Path dir;
    static ApplianceFixture app;
    static String token;
    static long tenant;
    static long otherTenant;
    static String base;
    static long userId;
    static long deviceId;

    @BeforeAll
    static void start() {
        app = ApplianceFixture.start(dir);
        token = app.loginAdmin();
        tenant = app.createTenant(token, "State", "state.example.com");
        otherTenant = app.createTenant(token, "Other", "other.example.com");
        base = "/api/v1/tenants/" + tenant;
        userId = app.post(base + "/users", token, "{\"extension\":\"4001\"}").body().get("id").asLong();
        deviceId = app.post(base + "/users/" + userId + "/devices", token, "{}").body().get("id").asLong();
        seedCdrs();
        seedMessages();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** Seven records of the tenant, an hour apart, and one of another tenant. */
    static void seedCdrs() {
        var cdrs = app.appliance().stores().cdrs();
        Disposition[] d = {Disposition.ANSWERED, Disposition.BUSY, Disposition.ANSWERED, Disposition.NO_ANSWER,
                Disposition.ANSWERED, Disposition.CANCELLED, Disposition.FAILED};
        for (int i = 0; i < d.length; i++) {
            Instant start = T0.plusSeconds(3600L * i);
            Instant answered = d[i] == Disposition.ANSWERED ? start.plusSeconds(5) : null;
            cdrs.save(new CallRecord(0, tenant, "cdr-" + i + "@host", i % 2 == 0 ? "4001" : "4002",
                    i < 3 ? "4003" : "4001", start, answered, start.plusSeconds(65),
                    d[i], HangupParty.CALLER, answered != null ? 200 : 486));
        }
        cdrs.save(new CallRecord(0, otherTenant, "foreign@host", "4001", "4003", T0, T0, T0.plusSeconds(10),
                Disposition.ANSWERED, HangupParty.CALLEE, 200));
    }

    static void seedMessages() {
        var store = app.appliance().stores().messages();
        store.save(new InstantMessage(0, tenant, "4001", "4002", "text/plain", "hi Bob", T0, T0));
        store.save(new InstantMessage(0, tenant, "4002", "4001", "text/plain", "hi Ann", T0.plusSeconds(1), null));
        store.save(new InstantMessage(0, tenant, "4003", "4004", "text/plain", "elsewhere", T0.plusSeconds(2), null));
    }

    // ---- registrations and calls ----------------------------------------------------------

    @Test
    void registrationsShowTheLiveBindings() {
        var out = (RegisterOutcome.Accepted) app.appliance().registrar().register(new RegisterRequest(tenant, userId,
                deviceId, "sip:4001@state.example.com", List.of(new ContactSpec("sip:4001@127.0.0.1:5999", 600L)),
                false, null, "reg-1", 1, "UDP", "127.0.0.1:5999", "TestPhone/1.0"));
        out.committed().join();

        JsonNode regs = app.get(base + "/registrations", token).body();

        assertThat(regs).hasSize(1);
        JsonNode r = regs.get(0);
        assertThat(r.get("aor").asText()).isEqualTo("sip:4001@state.example.com");
        assertThat(r.get("contact").asText()).isEqualTo("sip:4001@127.0.0.1:5999");
        assertThat(r.get("extension").asText()).isEqualTo("4001");
        assertThat(r.get("sipUsername").asText()).isEqualTo("4001");
        assertThat(r.get("deviceId").asLong()).isEqualTo(deviceId);
        assertThat(r.get("transport").asText()).isEqualTo("UDP");
        assertThat(r.get("source").asText()).isEqualTo("127.0.0.1:5999");
        assertThat(r.get("userAgent").asText()).isEqualTo("TestPhone/1.0");
        assertThat(Instant.parse(r.get("expiresAt").asText())).isAfter(Instant.now());
        assertThat(app.get("/api/v1/tenants/" + otherTenant + "/registrations", token).body()).isEmpty();
        assertThat(app.get("/api/v1/tenants/999999/registrations", token).status()).isEqualTo(404);
    }

    @Test
    void callsAreListedAndHangUpGoesToCallControl() {
        String callId = "a/b%c@host.example.com";
        app.appliance().activeCalls().update(new CallSnapshot(callId, tenant, "4001", "Ann", "4002", null,
                CallState.RINGING, Instant.now(), null, null));
        List<String> hungUp = new CopyOnWriteArrayList<>();
        // A second API server over the same services, whose call control records instead of sending BYEs.
        try (ApiServer api = ApiServer.start(app.services(id -> hungUp.add(id)), ApiSettings.defaults(), "127.0.0.1", 0)) {
            HttpJson http = new HttpJson("http://127.0.0.1:" + api.port());
            String t = http.login("admin", ApplianceFixture.ADMIN_PASSWORD);

            JsonNode calls = http.get(base + "/calls", t).body();
            assertThat(calls).hasSize(1);
            assertThat(calls.get(0).get("callId").asText()).isEqualTo(callId);
            assertThat(calls.get(0).get("state").asText()).isEqualTo("RINGING");
            assertThat(calls.get(0).get("callerName").asText()).isEqualTo("Ann");

            String encoded = "a%2Fb%25c%40host.example.com";
            assertThat(http.delete(base + "/calls/" + encoded, t).status()).isEqualTo(202);
            assertThat(hungUp).containsExactly(callId);
            assertThat(http.delete(base + "/calls/nosuch%40host", t).status()).isEqualTo(404);
            assertThat(http.delete("/api/v1/tenants/" + otherTenant + "/calls/" + encoded, t).status())
                    .as("a call of another tenant").isEqualTo(404);
        } finally {
            app.appliance().activeCalls().update(new CallSnapshot(callId, tenant, "4001", "Ann", "4002", null,
                    CallState.ENDED, Instant.now(), null, null));
        }
        assertThat(app.get(base + "/calls", token).body()).isEmpty();
    }

    @Test
    void hangingUpACallTheCallCoreDoesNotKnowIs404() {
        app.appliance().activeCalls().update(new CallSnapshot("ghost@host", tenant, "4001", null, "4002", null,
                CallState.SETUP, Instant.now(), null, null));
        try {
            assertThat(app.delete(base + "/calls/ghost%40host", token).status()).isEqualTo(404);
        } finally {
            app.appliance().activeCalls().update(new CallSnapshot("ghost@host", tenant, "4001", null, "4002", null,
                    CallState.ENDED, Instant.now(), null, null));
        }
    }

    // ---- CDRs -----------------------------------------------------------------------------

    @Test
    void cdrsPageNewestFirstWithTotal() {
        Res first = app.get(base + "/cdrs?limit=3", token);
        Res second = app.get(base + "/cdrs?limit=3&offset=3", token);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().get("total").asLong()).isEqualTo(7);
        assertThat(first.body().get("limit").asInt()).isEqualTo(3);
        assertThat(first.body().get("items").findValuesAsText("callId")).containsExactly("cdr-6@host", "cdr-5@host",
                "cdr-4@host");
        assertThat(second.body().get("offset").asInt()).isEqualTo(3);
        assertThat(second.body().get("items").findValuesAsText("callId")).containsExactly("cdr-3@host", "cdr-2@host",
                "cdr-1@host");
        assertThat(app.get(base + "/cdrs", token).body().get("limit").asInt()).isEqualTo(50);
    }

    @Test
    void cdrsFilterByPartyDispositionAndTime() {
        Res party = app.get(base + "/cdrs?party=4002", token);
        Res answered = app.get(base + "/cdrs?disposition=answered", token);
        Res window = app.get(base + "/cdrs?from=" + T0.plusSeconds(3600) + "&to=" + T0.plusSeconds(3 * 3600), token);

        assertThat(party.body().get("total").asLong()).as("caller or callee").isEqualTo(3);
        assertThat(answered.body().get("total").asLong()).isEqualTo(3);
        JsonNode a = answered.body().get("items").get(0);
        assertThat(a.get("durationSeconds").asLong()).isEqualTo(60);
        assertThat(a.get("disposition").asText()).isEqualTo("ANSWERED");
        assertThat(a.get("startedAt").asText()).isEqualTo(T0.plusSeconds(4 * 3600).toString());
        assertThat(window.body().get("items").findValuesAsText("callId")).containsExactly("cdr-2@host", "cdr-1@host");
    }

    @Test
    void badCdrFiltersAre400NamingTheParameter() {
        assertThat(app.get(base + "/cdrs?disposition=maybe", token).field()).isEqualTo("disposition");
        assertThat(app.get(base + "/cdrs?from=yesterday", token).field()).isEqualTo("from");
        assertThat(app.get(base + "/cdrs?limit=501", token).field()).isEqualTo("limit");
        assertThat(app.get(base + "/cdrs?limit=0", token).field()).isEqualTo("limit");
        assertThat(app.get(base + "/cdrs?offset=-1", token).field()).isEqualTo("offset");
        Res reversed = app.get(base + "/cdrs?from=" + T0.plusSeconds(60) + "&to=" + T0, token);
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.field()).isEqualTo("to");
    }

    // ---- messages -------------------------------------------------------------------------

    @Test
    void messageHistoryByExtensionAndPeer() {
        Res all = app.get(base + "/messages", token);
        Res conversation = app.get(base + "/messages?extension=4001&peer=4002", token);
        Res paged = app.get(base + "/messages?limit=1&offset=1", token);

        assertThat(all.body().get("items")).hasSize(3);
        assertThat(conversation.body().get("items").findValuesAsText("body")).containsExactly("hi Ann", "hi Bob");
        JsonNode newest = conversation.body().get("items").get(0);
        assertThat(newest.get("from").asText()).isEqualTo("4002");
        assertThat(newest.get("to").asText()).isEqualTo("4001");
        assertThat(newest.get("deliveredAt").isNull()).isTrue();
        assertThat(paged.body().get("items").findValuesAsText("body")).containsExactly("hi Ann");
        assertThat(app.get(base + "/messages?peer=4002", token).field()).isEqualTo("peer");
        assertThat(app.get(base + "/messages?extension=x", token).field()).isEqualTo("extension");
    }
}
