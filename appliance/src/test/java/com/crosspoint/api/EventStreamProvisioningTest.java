package com.crosspoint.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.call.CallSnapshot;
import com.crosspoint.call.CallState;
import com.crosspoint.model.Device;
import com.crosspoint.testing.EventClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Provisioning changes on the event stream: admins of the tenant follow tenants, users and devices
 * as the REST calls change them, never with a secret; operators and end users do not get them.
 */
class EventStreamProvisioningTest {
    private static final List<String> PROVISIONING = List.of("tenant.", "user.", "device.");

    @TempDir
    static Path dir;
    static ApplianceFixture app;
    static String root;
    static long tenantA;
    static long tenantB;

    @BeforeAll
    static void start() {
        app = ApplianceFixture.start(dir);
        root = app.loginAdmin();
        tenantA = app.createTenant(root, "A", "a.example.com");
        tenantB = app.createTenant(root, "B", "b.example.com");
        created(app.post("/api/v1/tenants/" + tenantA + "/users", root,
                "{\"extension\":\"5001\",\"displayName\":\"Ann\",\"webPassword\":\"ann-web-secret\"}"));
        created(app.post("/api/v1/admins", root, "{\"username\":\"bella\",\"password\":\"password-bella\","
                + "\"role\":\"ADMIN\",\"tenantId\":" + tenantB + "}"));
        created(app.post("/api/v1/admins", root,
                "{\"username\":\"otto\",\"password\":\"password-otto\",\"role\":\"OPERATOR\"}"));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static JsonNode created(HttpJson.Res r) {
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        return r.body();
    }

    private static void ok(HttpJson.Res r) {
        assertThat(r.status()).as(r.raw().body()).isBetween(200, 204);
    }

    private static boolean isProvisioning(String type) {
        return PROVISIONING.stream().anyMatch(type::startsWith);
    }

    private static List<JsonNode> provisioningFrames(EventClient c) {
        return c.frames().stream().filter(f -> isProvisioning(f.get("type").asText())).toList();
    }

    private static JsonNode awaitFrame(EventClient c, String type) {
        await().atMost(Duration.ofSeconds(10)).until(() -> c.types().contains(type));
        return c.frames().stream().filter(f -> f.get("type").asText().equals(type)).findFirst().orElseThrow();
    }

    private static void call(String id, String caller, String callee, CallState state) {
        app.appliance().activeCalls().update(new CallSnapshot(id, tenantA, caller, null, callee, null, state,
                Instant.now(), null, null));
    }

    @Test
    void anAdminFollowsAUserAndItsDeviceFromCreationToDeletionWithoutSecrets() throws Exception {
        String bella = app.login("bella", "password-bella");
        try (EventClient admin = EventClient.connect(app.baseUrl(), "token=" + root, null);
             EventClient otherTenant = EventClient.connect(app.baseUrl(), "token=" + bella, null)) {
            awaitFrame(admin, "snapshot");
            awaitFrame(otherTenant, "snapshot");
            String users = "/api/v1/tenants/" + tenantA + "/users";
            long user = created(app.post(users, root,
                    "{\"extension\":\"5002\",\"displayName\":\"Bob\",\"webPassword\":\"bob-web-secret\"}"))
                    .get("id").asLong();
            ok(app.put(users + "/" + user, root, "{\"extension\":\"5002\",\"displayName\":\"Bob Builder\"}"));
            long device = created(app.post(users + "/" + user + "/devices", root,
                    "{\"password\":\"bob-sip-secret-1\"}")).get("id").asLong();
            // Read your writes: the SIP edge knows the device the moment the API answered.
            Device first = app.appliance().directory().deviceBySipUsername(tenantA, "5002").orElseThrow();
            String devicePath = "/api/v1/tenants/" + tenantA + "/devices/" + device;
            ok(app.put(devicePath + "/password", root, "{\"password\":\"bob-sip-secret-2\"}"));
            Device second = app.appliance().directory().device(device).orElseThrow();
            ok(app.delete(devicePath, root));
            ok(app.delete(users + "/" + user, root));
            ok(app.put("/api/v1/tenants/" + tenantB, root, "{\"name\":\"B2\",\"domain\":\"b.example.com\"}"));

            JsonNode tenantChanged = awaitFrame(admin, "tenant.changed");
            List<JsonNode> frames = provisioningFrames(admin);
            assertThat(frames).extracting(f -> f.get("type").asText()).containsExactly("user.created", "user.changed",
                    "device.created", "device.changed", "device.deleted", "user.deleted", "tenant.changed");
            assertThat(frames).allSatisfy(f -> assertThat(f.get("seq").asLong()).isGreaterThan(1));
            JsonNode userCreated = frames.get(0);
            assertThat(userCreated.get("tenantId").asLong()).isEqualTo(tenantA);
            assertThat(userCreated.get("user").get("id").asLong()).isEqualTo(user);
            assertThat(userCreated.get("user").get("extension").asText()).isEqualTo("5002");
            assertThat(frames.get(1).get("user").get("displayName").asText()).isEqualTo("Bob Builder");
            JsonNode deviceCreated = frames.get(2).get("device");
            assertThat(deviceCreated.get("id").asLong()).isEqualTo(device);
            assertThat(deviceCreated.get("userId").asLong()).isEqualTo(user);
            assertThat(deviceCreated.get("sipUsername").asText()).isEqualTo("5002");
            assertThat(deviceCreated.get("extension").asText()).isEqualTo("5002");
            assertThat(frames.get(4).get("device").get("id").asLong()).isEqualTo(device);
            assertThat(frames.get(5).get("user").get("id").asLong()).isEqualTo(user);
            assertThat(tenantChanged.get("tenant").get("name").asText()).isEqualTo("B2");
            assertThat(frames).allSatisfy(f -> assertThat(f.toString()).doesNotContainIgnoringCase("password")
                    .doesNotContainIgnoringCase("ha1").doesNotContain("secret")
                    .doesNotContain(first.ha1Md5(), first.ha1Sha256(), second.ha1Md5(), second.ha1Sha256()));

            // Bella administers tenant B only: of all this she gets the change of her own tenant.
            JsonNode bellas = awaitFrame(otherTenant, "tenant.changed");
            assertThat(bellas.get("tenantId").asLong()).isEqualTo(tenantB);
            assertThat(provisioningFrames(otherTenant)).containsExactly(bellas);
        }
    }

    @Test
    void operatorsAndEndUsersDoNotGetProvisioningChanges() throws Exception {
        String otto = app.login("otto", "password-otto");
        Browser ann = new Browser(app.baseUrl());
        ok(ann.loginUser("5001", "ann-web-secret", "a.example.com"));
        try (EventClient admin = EventClient.connect(app.baseUrl(), "token=" + root, null);
             EventClient operator = EventClient.connect(app.baseUrl(), "token=" + otto, null);
             EventClient user = EventClient.connect(app.baseUrl(),
                     Map.of("Cookie", ann.cookie, "Origin", ann.origin()))) {
            List.of(admin, operator, user).forEach(c -> awaitFrame(c, "snapshot"));
            // Her own settings, changed by herself, and a colleague created by the admin.
            ok(ann.call("PUT", "/api/v1/me/settings", "{\"doNotDisturb\":true,\"noAnswerSeconds\":20}"));
            long carol = created(app.post("/api/v1/tenants/" + tenantA + "/users", root,
                    "{\"extension\":\"5003\"}")).get("id").asLong();
            // Published after the changes above: once it arrived, so would have they.
            call("after-provisioning@host", "5003", "5001", CallState.RINGING);

            awaitFrame(operator, "call.ringing");
            awaitFrame(user, "call.ringing");
            awaitFrame(admin, "call.ringing");
            List<String> adminSaw = new ArrayList<>();
            provisioningFrames(admin).forEach(f -> adminSaw.add(f.get("type").asText() + " "
                    + f.get("user").get("extension").asText()));
            assertThat(adminSaw).as("the changes happened").containsExactly("user.changed 5001", "user.created 5003");
            assertThat(provisioningFrames(operator)).isEmpty();
            assertThat(provisioningFrames(user)).isEmpty();
            ok(app.delete("/api/v1/tenants/" + tenantA + "/users/" + carol, root));
        } finally {
            call("after-provisioning@host", "5003", "5001", CallState.ENDED);
        }
    }
}
