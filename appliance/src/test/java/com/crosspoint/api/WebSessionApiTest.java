package com.crosspoint.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.api.HttpJson.Res;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Browser logins (cookie + CSRF token), the Origin rule, and what an end-user login may reach. */
class WebSessionApiTest {
    @TempDir
    static Path dir;
    static ApplianceFixture app;
    static String root;
    static long tenantA;
    static long tenantB;
    static long alice;
    static long bob;

    @BeforeAll
    static void start() {
        app = ApplianceFixture.start(dir);
        root = app.loginAdmin();
        tenantA = app.createTenant(root, "A", "a.example.com");
        tenantB = app.createTenant(root, "B", "b.example.com");
        alice = createUser(tenantA, "1001", "Alice", "alice-web-1");
        bob = createUser(tenantA, "1002", "Bob", "bob-web-12");
        createUser(tenantB, "1001", "Other Alice", "other-web-1");
        createUser(tenantA, "1003", "No Web", null);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static long createUser(long tenant, String ext, String name, String webPassword) {
        Res r = app.post("/api/v1/tenants/" + tenant + "/users", root, "{\"extension\":\"" + ext
                + "\",\"displayName\":\"" + name + "\"" + (webPassword == null ? "" : ",\"webPassword\":\"" + webPassword + "\"")
                + "}");
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    static Browser aliceBrowser() {
        Browser b = new Browser(app.baseUrl());
        assertThat(b.loginUser("1001", "alice-web-1", "a.example.com").status()).isEqualTo(200);
        return b;
    }

    @Test
    void userLoginSetsAStrictHttpOnlyCookieAndAnswersTheWebSession() {
        Browser b = new Browser(app.baseUrl());
        Res r = b.loginUser("1001", "alice-web-1", "a.example.com");

        assertThat(r.status()).isEqualTo(200);
        String setCookie = r.raw().headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith("crosspoint_session=").contains("; Path=/", "; HttpOnly", "; SameSite=Strict")
                .doesNotContain("Secure").doesNotContain("Max-Age");
        assertThat(r.body().get("role").asText()).isEqualTo("USER");
        assertThat(r.body().get("username").asText()).isEqualTo("1001");
        assertThat(r.body().get("extension").asText()).isEqualTo("1001");
        assertThat(r.body().get("displayName").asText()).isEqualTo("Alice");
        assertThat(r.body().get("userId").asLong()).isEqualTo(alice);
        assertThat(r.body().get("tenantId").asLong()).isEqualTo(tenantA);
        assertThat(r.body().get("csrfToken").asText()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(r.body().get("expiresAt").asText()).endsWith("Z");
        // The cookie's token is not the CSRF token.
        assertThat(b.cookie).doesNotContain(b.csrf);
    }

    @Test
    void userLoginWithoutDomainUsesTheDefaultTenant() {
        Browser b = new Browser(app.baseUrl());

        Res r = b.loginUser("1002", "bob-web-12", null);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("tenantId").asLong()).isEqualTo(tenantA);
    }

    @Test
    void adminLoginGetsACookieSessionWithoutUserFields() {
        Browser b = new Browser(app.baseUrl());
        Res r = b.login("{\"kind\":\"admin\",\"username\":\"admin\",\"password\":\"" + ApplianceFixture.ADMIN_PASSWORD
                + "\"}");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.raw().headers().firstValue("Set-Cookie").orElseThrow()).contains("HttpOnly", "SameSite=Strict");
        assertThat(r.body().get("role").asText()).isEqualTo("SUPERADMIN");
        assertThat(r.body().get("userId").isNull()).isTrue();
        assertThat(r.body().get("extension").isNull()).isTrue();
        assertThat(r.body().get("displayName").isNull()).isTrue();
        assertThat(r.body().get("tenantId").isNull()).isTrue();
        // The cookie works on admin routes, GETs need no CSRF token.
        assertThat(b.get("/api/v1/tenants").status()).isEqualTo(200);
        assertThat(b.send("GET", "/api/v1/tenants", null, Map.of()).status()).isEqualTo(200);
    }

    @Test
    void wrongPasswordUnknownExtensionAndNoWebPasswordAnswerTheSame() {
        Browser b = new Browser(app.baseUrl());
        Res wrong = b.loginUser("1001", "not-her-password", "a.example.com");
        Res unknown = b.loginUser("1999", "not-her-password", "a.example.com");
        Res noWebPassword = b.loginUser("1003", "not-her-password", "a.example.com");
        Res unknownDomain = b.loginUser("1001", "alice-web-1", "nowhere.example.com");

        for (Res r : new Res[]{wrong, unknown, noWebPassword, unknownDomain}) {
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.raw().body()).isEqualTo(wrong.raw().body());
            assertThat(r.raw().headers().firstValue("Set-Cookie")).isEmpty();
        }
        assertThat(wrong.error()).isEqualTo("wrong extension or password");
        Res admin = b.login("{\"kind\":\"admin\",\"username\":\"ghost\",\"password\":\"x-x-x-x-x\"}");
        assertThat(admin.status()).isEqualTo(401);
        assertThat(admin.error()).isEqualTo("wrong username or password");
    }

    @Test
    void loginBodiesAreValidatedByField() {
        Browser b = new Browser(app.baseUrl());

        assertThat(b.login("{\"kind\":\"robot\"}").field()).isEqualTo("kind");
        assertThat(b.login("{\"password\":\"x\"}").field()).isEqualTo("kind");
        assertThat(b.login("{\"kind\":\"user\",\"password\":\"x\"}").field()).isEqualTo("extension");
        assertThat(b.login("{\"kind\":\"user\",\"extension\":\"1001\"}").field()).isEqualTo("password");
        assertThat(b.login("{\"kind\":\"admin\",\"password\":\"x\"}").field()).isEqualTo("username");
        Res unknownProperty = b.login("{\"kind\":\"user\",\"extension\":\"1001\",\"password\":\"x\",\"pin\":1}");
        assertThat(unknownProperty.status()).isEqualTo(400);
        assertThat(unknownProperty.field()).isEqualTo("pin");
    }

    @Test
    void repeatedFailedWebLoginsAreThrottled() {
        try (ApiServer api = ApiServer.start(app.services(id -> false), ApiSettings.defaults().withLoginFailureLimit(2),
                "127.0.0.1", 0)) {
            Browser b = new Browser("http://127.0.0.1:" + api.port());

            assertThat(b.loginUser("1001", "guess-guess", "a.example.com").status()).isEqualTo(401);
            assertThat(b.loginUser("1999", "guess-guess", "a.example.com").status()).isEqualTo(401);
            Res blocked = b.loginUser("1001", "guess-guess", "a.example.com");
            Res evenRight = b.loginUser("1001", "alice-web-1", "a.example.com");
            // Issue 10: the token login (admin CLI, console) counts on its own, so it is not locked out too.
            Res bearer = new HttpJson(b.origin()).post("/api/v1/auth/login", null,
                    "{\"username\":\"admin\",\"password\":\"" + ApplianceFixture.ADMIN_PASSWORD + "\"}");

            assertThat(blocked.status()).isEqualTo(429);
            assertThat(blocked.raw().headers().firstValue("Retry-After")).hasValue("300");
            assertThat(evenRight.status()).isEqualTo(429);
            assertThat(blocked.body().get("error").asText()).endsWith("try again in 5 minutes");
            assertThat(bearer.status()).isEqualTo(200);
        }
    }

    @Test
    void aForeignOriginCannotLogIn() {
        Browser b = new Browser(app.baseUrl());
        String body = "{\"kind\":\"user\",\"extension\":\"1001\",\"password\":\"alice-web-1\",\"domain\":\"a.example.com\"}";

        Res foreign = b.send("POST", "/api/v1/web/login", body, Map.of("Origin", "https://evil.example.net"));
        Res noOrigin = b.send("POST", "/api/v1/web/login", body, Map.of());
        Res bearerLogin = b.send("POST", "/api/v1/auth/login", "{\"username\":\"admin\",\"password\":\"x\"}",
                Map.of("Origin", "https://evil.example.net"));

        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.error()).isEqualTo("cross-origin request refused");
        assertThat(foreign.raw().headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(noOrigin.status()).isEqualTo(200);
        assertThat(bearerLogin.status()).isEqualTo(403);
    }

    @Test
    void theSessionEndpointGivesAReloadedPageItsCsrfTokenBack() {
        Browser b = aliceBrowser();

        Res r = b.get("/api/v1/web/session");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("csrfToken").asText()).isEqualTo(b.csrf);
        assertThat(r.body().get("userId").asLong()).isEqualTo(alice);
        assertThat(new Browser(app.baseUrl()).get("/api/v1/web/session").status()).isEqualTo(401);
    }

    @Test
    void stateChangingCookieRequestsNeedTheCsrfToken() {
        Browser b = aliceBrowser();
        String settings = "{\"doNotDisturb\":true}";

        Res none = b.send("PUT", "/api/v1/me/settings", settings, Map.of("Origin", b.origin()));
        Res noOriginEither = b.send("PUT", "/api/v1/me/settings", settings, Map.of());
        Res wrong = b.send("PUT", "/api/v1/me/settings", settings,
                Map.of("Origin", b.origin(), "X-CSRF-Token", b.csrf.substring(1) + "x"));
        Res stale = b.send("PUT", "/api/v1/me/settings", settings,
                Map.of("X-CSRF-Token", aliceBrowser().csrf));

        for (Res r : new Res[]{none, noOriginEither, wrong, stale}) {
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.error()).isEqualTo("missing or wrong CSRF token");
            assertThat(r.body().get("field").isNull()).isTrue();
        }
        assertThat(b.get("/api/v1/me").body().get("settings").get("doNotDisturb").asBoolean()).isFalse();

        Res ok = b.call("PUT", "/api/v1/me/settings", settings);

        assertThat(ok.status()).isEqualTo(200);
        assertThat(b.get("/api/v1/me").body().get("settings").get("doNotDisturb").asBoolean()).isTrue();
        b.call("PUT", "/api/v1/me/settings", "{}");
    }

    @Test
    void theCsrfTokenIsCheckedBeforeTheBodyIsRead() {
        Browser b = aliceBrowser();

        Res r = b.send("PUT", "/api/v1/me/settings", "{not json", Map.of());

        assertThat(r.status()).isEqualTo(403);
    }

    @Test
    void bearerRequestsNeedNoCsrfToken() {
        Res r = app.put("/api/v1/tenants/" + tenantA + "/users/" + bob + "/settings", root, "{\"noAnswerSeconds\":25}");

        assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void aBearerHeaderWinsOverTheCookie() {
        Browser b = aliceBrowser();

        Res r = b.send("GET", "/api/v1/tenants", null, Map.of("Authorization", "Bearer " + root));
        Res badBearer = b.send("GET", "/api/v1/me", null, Map.of("Authorization", "Bearer nope"));

        assertThat(r.status()).isEqualTo(200);
        assertThat(badBearer.status()).isEqualTo(401);
    }

    @Test
    void cookieRequestsFromAForeignOriginAreRefused() {
        Browser b = aliceBrowser();

        Res get = b.send("GET", "/api/v1/me", null, Map.of("Origin", "https://evil.example.net"));
        Res put = b.send("PUT", "/api/v1/me/settings", "{}",
                Map.of("Origin", "https://evil.example.net", "X-CSRF-Token", b.csrf));
        Res otherPort = b.send("GET", "/api/v1/me", null, Map.of("Origin", "http://127.0.0.1:1"));

        assertThat(get.status()).isEqualTo(403);
        assertThat(get.error()).isEqualTo("cross-origin request refused");
        assertThat(put.status()).isEqualTo(403);
        assertThat(otherPort.status()).isEqualTo(403);
    }

    @Test
    void logoutNeedsTheTokenEndsTheSessionAndClearsTheCookie() {
        Browser b = aliceBrowser();

        assertThat(b.send("POST", "/api/v1/web/logout", null, Map.of()).status()).isEqualTo(403);
        Res r = b.call("POST", "/api/v1/web/logout", null);

        assertThat(r.status()).isEqualTo(204);
        assertThat(r.raw().headers().firstValue("Set-Cookie").orElseThrow())
                .startsWith("crosspoint_session=;").contains("Max-Age=0", "HttpOnly", "SameSite=Strict", "Path=/");
        assertThat(b.get("/api/v1/web/session").status()).isEqualTo(401);
        assertThat(b.get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void anEndUserGets403OutsideItsOwnApi() {
        Browser b = aliceBrowser();

        assertThat(b.get("/api/v1/tenants/" + tenantA + "/cdrs?party=1002").status()).isEqualTo(403);
        assertThat(b.get("/api/v1/tenants/" + tenantA + "/users/" + bob).status()).isEqualTo(403);
        assertThat(b.get("/api/v1/tenants/" + tenantA + "/users/" + alice).status()).isEqualTo(403);
        assertThat(b.get("/api/v1/admins").status()).isEqualTo(403);
        assertThat(b.get("/api/v1/tenants").status()).isEqualTo(403);
        assertThat(b.get("/api/v1/tenants/" + tenantA + "/calls").status()).isEqualTo(403);
        assertThat(b.get("/api/v1/tenants/" + tenantA + "/registrations").status()).isEqualTo(403);
        assertThat(b.get("/api/v1/tenants/" + tenantA + "/messages").status()).isEqualTo(403);
        assertThat(b.call("POST", "/api/v1/auth/logout", null).status()).isEqualTo(403);
        Res r = b.call("PUT", "/api/v1/tenants/" + tenantA + "/users/" + alice + "/settings", "{}");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.error()).contains("/api/v1/me");
        // Its own API works.
        assertThat(b.get("/api/v1/me").status()).isEqualTo(200);
        assertThat(b.get("/api/v1/status").status()).isEqualTo(200);
    }

    @Test
    void adminLoginsGet403OnTheEndUserApi() {
        Res r = app.get("/api/v1/me", root);

        assertThat(r.status()).isEqualTo(403);
        assertThat(app.get("/api/v1/me/devices", root).status()).isEqualTo(403);
    }

    @Test
    void userIsNoRoleForAdminAccounts() {
        Res r = app.post("/api/v1/admins", root, "{\"username\":\"ulla\",\"password\":\"password-ulla\","
                + "\"role\":\"USER\",\"tenantId\":" + tenantA + "}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.field()).isEqualTo("role");
    }

    @Test
    void aNewWebPasswordSetByTheAdminEndsTheUsersWebSessions() {
        long carl = createUser(tenantB, "2001", "Carl", "carl-web-11");
        Browser b = new Browser(app.baseUrl());
        assertThat(b.loginUser("2001", "carl-web-11", "b.example.com").status()).isEqualTo(200);

        assertThat(app.put("/api/v1/tenants/" + tenantB + "/users/" + carl, root,
                "{\"extension\":\"2001\",\"webPassword\":\"carl-web-22\"}").status()).isEqualTo(200);

        assertThat(b.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(new Browser(app.baseUrl()).loginUser("2001", "carl-web-22", "b.example.com").status()).isEqualTo(200);
    }
}
