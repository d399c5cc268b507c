package com.crosspoint.console.client;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The console reads the API's own example files (docs/api/examples), the contract shared with the appliance. */
class ApiJsonTest {
    private static final Path EXAMPLES = Path.of("..", "docs", "api", "examples");

    private static String example(String name) throws IOException {
        return Files.readString(EXAMPLES.resolve(name));
    }

    @Test
    void snapshotFrame() throws IOException {
        StreamEvent e = ApiJson.frame(example("SnapshotFrame.json"));
        assertThat(e).isInstanceOf(StreamEvent.Snapshot.class);
        StreamEvent.Snapshot s = (StreamEvent.Snapshot) e;
        assertThat(s.seq()).isEqualTo(1);
        assertThat(s.at()).isEqualTo(Instant.parse("2025-03-01T10:00:05Z"));
        assertThat(s.registrations()).singleElement().satisfies(r -> {
            assertThat(r.extension()).isEqualTo("1001");
            assertThat(r.sipUsername()).isEqualTo("1001");
            assertThat(r.deviceId()).isEqualTo(12);
            assertThat(r.transport()).isEqualTo("UDP");
            assertThat(r.expiresAt()).isEqualTo(Instant.parse("2025-03-01T11:00:00Z"));
        });
        assertThat(s.calls()).singleElement().satisfies(c -> {
            assertThat(c.callId()).isEqualTo("a84b4c76e66710@pc33.example.com");
            assertThat(c.callerName()).isEqualTo("Alice Example");
            assertThat(c.state()).isEqualTo("ANSWERED");
            assertThat(c.codec()).isEqualTo("PCMU");
            assertThat(c.answeredAt()).isEqualTo(Instant.parse("2025-03-01T10:00:04Z"));
        });
    }

    @Test
    void callFrameWithNulls() throws IOException {
        StreamEvent.CallChange c = (StreamEvent.CallChange) ApiJson.frame(example("CallFrame.json"));
        assertThat(c.type()).isEqualTo("call.ringing");
        assertThat(c.ended()).isFalse();
        assertThat(c.tenantId()).isEqualTo(1);
        assertThat(c.call().caller()).isEqualTo("1003");
        assertThat(c.call().callerName()).isNull();
        assertThat(c.call().connectedTo()).isNull();
        assertThat(c.call().codec()).isNull();
        assertThat(c.call().quality()).isNull();
        assertThat(ApiJson.frame(example("CallFrame.json").replace("call.ringing", "call.ended")))
                .isInstanceOfSatisfying(StreamEvent.CallChange.class, x -> assertThat(x.ended()).isTrue());
    }

    @Test
    void registrationFrame() throws IOException {
        StreamEvent.RegistrationChange r = (StreamEvent.RegistrationChange) ApiJson.frame(example("RegistrationFrame.json"));
        assertThat(r.type()).isEqualTo("registration.expired");
        assertThat(r.gone()).isTrue();
        assertThat(r.registration().contact()).isEqualTo("<sip:1001@192.0.2.44:5062;transport=udp>");
        assertThat(r.registration().userAgent()).isEqualTo("baresip v1.0.0");
        assertThat(ApiJson.frame(example("RegistrationFrame.json").replace("registration.expired", "registration.refreshed")))
                .isInstanceOfSatisfying(StreamEvent.RegistrationChange.class, x -> assertThat(x.gone()).isFalse());
    }

    @Test
    void messageFramesAreReadButNotShown() throws IOException {
        assertThat(ApiJson.frame(example("MessageFrame.json"))).isEqualTo(new StreamEvent.Other("message.stored", 4));
    }

    @Test
    void callLoginAndRegistrationBodies() throws IOException {
        Call call = ApiJson.read(example("Call.json"), Call.class);
        assertThat(call.connectedTo()).isEqualTo("1002");
        assertThat(call.quality()).isEqualTo(new CallQuality(4.12, 1.5, 3.25, 42.5));
        assertThat(call.media().route()).isEqualTo("RELAYED");
        assertThat(call.media().parties()).extracting(CallMedia.Party::party).containsExactly("1001", "1002");
        assertThat(call.media().parties().get(0).behindNat()).isTrue();
        assertThat(call.media().parties().get(0).heardFrom()).isEqualTo("10.200.0.2:40123");
        Registration reg = ApiJson.read(example("Registration.json"), Registration.class);
        assertThat(reg.contact()).contains("+sip.instance");
        assertThat(reg.key()).isEqualTo("1|sip:1001@acme.example.com|" + reg.contact());
        Login login = ApiJson.read(example("LoginResponse.json"), Login.class);
        assertThat(login.role()).isEqualTo("SUPERADMIN");
        assertThat(login.global()).isTrue();
        assertThat(login.expiresAt()).isEqualTo(Instant.parse("2025-03-01T18:00:00Z"));
        assertThat(login.toString()).doesNotContain(login.token());
        HttpConsoleApi.ErrorBody error = ApiJson.read(example("Error.json"), HttpConsoleApi.ErrorBody.class);
        assertThat(error.field()).isEqualTo("extension");
    }

    @Test
    void statusExample() throws IOException {
        String json = example("Status.json");
        ApplianceStatus s = ApiJson.read(json, ApplianceStatus.class);
        com.fasterxml.jackson.databind.JsonNode raw = ApiJson.mapper().readTree(json);
        assertThat(s.registeredDevices()).isEqualTo(raw.get("registeredDevices").asLong());
        assertThat(s.activeCalls()).isEqualTo(raw.get("activeCalls").asLong());
        assertThat(s.callsToday()).isEqualTo(raw.get("callsToday").asLong());
        assertThat(s.at()).isEqualTo(Instant.parse(raw.get("at").asText()));
    }

    @Test
    void newFieldsAndFrameTypesOfANewerApplianceAreTolerated() {
        StreamEvent e = ApiJson.frame("{\"type\":\"queue.changed\",\"seq\":9,\"at\":\"2025-03-01T10:00:00Z\",\"queue\":{}}");
        assertThat(e).isEqualTo(new StreamEvent.Other("queue.changed", 9));
        ApplianceStatus s = ApiJson.read("{\"registeredDevices\":2,\"activeCalls\":1,\"callsToday\":7,"
                + "\"at\":\"2025-03-01T10:00:00Z\",\"uptime\":5}", ApplianceStatus.class);
        assertThat(s.callsToday()).isEqualTo(7);
    }

    @Test
    void brokenFramesAreRejectedWithAReason() {
        assertThatThrownBy(() -> ApiJson.frame("not json")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> ApiJson.frame("{\"seq\":1}")).hasMessageContaining("without type");
        assertThatThrownBy(() -> ApiJson.frame("{\"type\":\"call.setup\",\"seq\":2}")).hasMessageContaining("without call");
    }

    @Test
    void acdFrames() throws IOException {
        StreamEvent agent = ApiJson.frame(example("AgentFrame.json"));
        assertThat(agent).isInstanceOfSatisfying(StreamEvent.AcdChange.class, a -> {
            assertThat(a.tenantId()).isEqualTo(1);
            assertThat(a.queue()).isNull();
            assertThat(a.agent().status()).isEqualTo("AVAILABLE");
            assertThat(a.agent().chats()).isEqualTo(1);
        });
        StreamEvent queue = ApiJson.frame(example("QueueStatsFrame.json"));
        assertThat(queue).isInstanceOfSatisfying(StreamEvent.AcdChange.class, q -> {
            assertThat(q.agent()).isNull();
            assertThat(q.queue().waiting()).isEqualTo(2);
            assertThat(q.queue().agents()).containsEntry("ON_CALL", 1);
            assertThat(q.queue().offered()).isEqualTo(14);
            assertThat(q.queue().averageAnswerSeconds()).isEqualTo(6.5);
        });
        assertThatThrownBy(() -> ApiJson.frame("{\"type\":\"acd.agent\",\"seq\":1}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("agent");
    }

    @Test
    void acdBoard() throws IOException {
        AcdBoard b = ApiJson.read(example("AcdBoard.json"), AcdBoard.class);
        assertThat(b.at()).isEqualTo(Instant.parse("2025-03-01T10:00:05Z"));
        assertThat(b.queues()).singleElement().satisfies(q -> {
            assertThat(q.serviceLevelSeconds()).isEqualTo(20);
            assertThat(q.stats().name()).isEqualTo("Support");
            assertThat(q.waiting()).singleElement().satisfies(w -> {
                assertThat(w.callerName()).isEqualTo("Ann Caller");
                assertThat(w.joinedAt()).isEqualTo(Instant.parse("2025-03-01T09:59:23Z"));
            });
        });
        assertThat(b.agents()).singleElement().satisfies(a -> assertThat(a.pauseReason()).isEqualTo("lunch"));
    }
}
