package com.crosspoint.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.api.HttpJson.Res;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthApiTest {
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
        createAccount("alice", "ADMIN", tenantA);
        createAccount("olga", "OPERATOR", tenantA);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static void createAccount(String name, String role, long tenant) {
        Res r = app.post("/api/v1/admins", root, "{\"username\":\"" + name + "\",\"password\":\"password-" + name
                + "\",\"role\":\"" + role + "\",\"tenantId\":" + tenant + "}");
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
    }

    @Test
    void loginReturnsTokenRoleAndExpiry() {
        Res r = app.post("/api/v1/auth/login", null, "{\"username\":\"admin\",\"password\":\"admin-secret-1\"}");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("token").asText()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(r.body().get("role").asText()).isEqualTo("SUPERADMIN");
        assertThat(r.body().get("tenantId").isNull()).isTrue();
        assertThat(r.body().get("expiresAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    }

    @Test
    void wrongPasswordAndUnknownUserAreBothPlain401() {
        Res wrong = app.post("/api/v1/auth/login", null, "{\"username\":\"admin\",\"password\":\"nope-nope\"}");
        Res unknown = app.post("/api/v1/auth/login", null, "{\"username\":\"ghost\",\"password\":\"nope-nope\"}");

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.error()).isEqualTo(unknown.error());
        assertThat(wrong.body().has("field")).isTrue();
    }

    @Test
    void repeatedFailuresFromOneAddressAreThrottled() {
        // Its own server, so the block does not lock the other tests out of the shared one.
        try (ApiServer api = ApiServer.start(app.services(id -> false), ApiSettings.defaults().withLoginFailureLimit(2),
                "127.0.0.1", 0)) {
            HttpJson http = new HttpJson("http://127.0.0.1:" + api.port());
            String bad = "{\"username\":\"admin\",\"password\":\"guess-guess\"}";

            assertThat(http.post("/api/v1/auth/login", null, bad).status()).isEqualTo(401);
            assertThat(http.post("/api/v1/auth/login", null, bad).status()).isEqualTo(401);
            Res blocked = http.post("/api/v1/auth/login", null, bad);
            Res evenRight = http.post("/api/v1/auth/login", null,
                    "{\"username\":\"admin\",\"password\":\"" + ApplianceFixture.ADMIN_PASSWORD + "\"}");

            assertThat(blocked.status()).isEqualTo(429);
            assertThat(blocked.raw().headers().firstValue("Retry-After")).hasValue("300");
            assertThat(evenRight.status()).isEqualTo(429);
        }
    }

    @Test
    void loginWithoutPasswordNamesTheField() {
        Res r = app.post("/api/v1/auth/login", null, "{\"username\":\"admin\"}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.field()).isEqualTo("password");
    }

    @Test
    void requestsWithoutOrWithABadTokenAre401Json() {
        Res none = app.get("/api/v1/tenants", null);
        Res bad = app.get("/api/v1/tenants", "not-a-token");

        assertThat(none.status()).isEqualTo(401);
        assertThat(none.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/json"));
        assertThat(none.error()).contains("login");
        assertThat(bad.status()).isEqualTo(401);
    }

    @Test
    void logoutEndsTheToken() {
        String token = app.loginAdmin();
        assertThat(app.get("/api/v1/tenants", token).status()).isEqualTo(200);

        assertThat(app.post("/api/v1/auth/logout", token, null).status()).isEqualTo(204);

        assertThat(app.get("/api/v1/tenants", token).status()).isEqualTo(401);
    }

    @Test
    void healthNeedsNoLogin() {
        Res r = app.get("/api/v1/health", null);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("status").asText()).isEqualTo("ok");
        assertThat(r.body().get("node").asText()).isEqualTo("crosspoint-1");
        assertThat(r.body().get("sipPort").asInt()).isEqualTo(app.appliance().sipPort());
        assertThat(r.body().has("registrations")).isTrue();
        assertThat(r.body().has("calls")).isTrue();
    }

    @Test
    void adminSeesOnlyItsOwnTenant() {
        String alice = app.login("alice", "password-alice");

        assertThat(app.get("/api/v1/tenants", alice).body()).hasSize(1);
        assertThat(app.get("/api/v1/tenants/" + tenantA + "/users", alice).status()).isEqualTo(200);
        Res other = app.get("/api/v1/tenants/" + tenantB + "/users", alice);
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.error()).contains("tenant " + tenantB);
        assertThat(app.get("/api/v1/tenants/" + tenantB + "/calls", alice).status()).isEqualTo(403);
        assertThat(app.post("/api/v1/tenants", alice, "{\"name\":\"X\",\"domain\":\"x.example.com\"}").status())
                .isEqualTo(403);
        assertThat(app.delete("/api/v1/tenants/" + tenantA, alice).status()).isEqualTo(403);
        assertThat(app.get("/api/v1/admins", alice).status()).isEqualTo(403);
    }

    @Test
    void operatorWatchesCallsAndRegistrationsOnly() {
        String olga = app.login("olga", "password-olga");

        assertThat(app.get("/api/v1/tenants/" + tenantA + "/calls", olga).status()).isEqualTo(200);
        assertThat(app.get("/api/v1/tenants/" + tenantA + "/registrations", olga).status()).isEqualTo(200);
        assertThat(app.delete("/api/v1/tenants/" + tenantA + "/calls/nosuch%40host", olga).status()).isEqualTo(404);
        assertThat(app.get("/api/v1/tenants/" + tenantA + "/users", olga).status()).isEqualTo(403);
        assertThat(app.get("/api/v1/tenants/" + tenantA + "/cdrs", olga).status()).isEqualTo(403);
        assertThat(app.get("/api/v1/tenants/" + tenantB + "/calls", olga).status()).isEqualTo(403);
    }

    @Test
    void anAccountChangesItsOwnPasswordAndOldLoginsEnd() {
        createAccount("carl", "ADMIN", tenantB);
        String carl = app.login("carl", "password-carl");
        long id = idOf("carl");

        Res r = app.put("/api/v1/admins/" + id + "/password", carl,
                "{\"password\":\"new-password-1\",\"currentPassword\":\"password-carl\"}");

        assertThat(r.status()).isEqualTo(204);
        assertThat(app.get("/api/v1/tenants", carl).status()).isEqualTo(401);
        assertThat(app.login("carl", "new-password-1")).isNotBlank();
    }

    @Test
    void deletedAccountsCannotUseTheirTokens() {
        createAccount("dora", "OPERATOR", tenantB);
        String dora = app.login("dora", "password-dora");

        assertThat(app.delete("/api/v1/admins/" + idOf("dora"), root).status()).isEqualTo(204);

        assertThat(app.get("/api/v1/tenants", dora).status()).isEqualTo(401);
    }

    @Test
    void adminAccountsAreValidated() {
        Res noTenant = app.post("/api/v1/admins", root, "{\"username\":\"eve\",\"password\":\"password-eve\","
                + "\"role\":\"ADMIN\"}");
        Res badRole = app.post("/api/v1/admins", root, "{\"username\":\"eve\",\"password\":\"password-eve\","
                + "\"role\":\"KING\"}");
        Res duplicate = app.post("/api/v1/admins", root, "{\"username\":\"admin\",\"password\":\"password-eve\","
                + "\"role\":\"SUPERADMIN\"}");

        assertThat(noTenant.status()).isEqualTo(400);
        assertThat(noTenant.field()).isEqualTo("tenantId");
        assertThat(badRole.status()).isEqualTo(400);
        assertThat(badRole.field()).isEqualTo("role");
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.field()).isEqualTo("username");
    }

    private static long idOf(String username) {
        for (var a : app.get("/api/v1/admins", root).body()) {
            if (a.get("username").asText().equals(username)) {
                return a.get("id").asLong();
            }
        }
        throw new AssertionError("no account " + username);
    }
}
