package com.crosspoint.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.api.HttpJson.Res;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /api/v1/tenants/{tenantId}/menus}: auto-attendant menus, their validation and conflicts. */
class MenusApiTest {
    @TempDir
    static Path dir;
    static ApplianceFixture app;
    static String token;
    static long tenant;
    static String menus;

    @BeforeAll
    static void start() {
        app = ApplianceFixture.start(dir);
        token = app.loginAdmin();
        tenant = app.createTenant(token, "Acme", "acme.example.com");
        menus = "/api/v1/tenants/" + tenant + "/menus";
        for (String ext : new String[] {"2001", "2002"}) {
            Res r = app.post("/api/v1/tenants/" + tenant + "/users", token, "{\"extension\":\"" + ext + "\"}");
            assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        }
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static Res create(String body) {
        return app.post(menus, token, body);
    }

    @Test
    void menuLifecycleWithDefaults() {
        Res created = create("{\"number\":\"700\",\"name\":\"Reception\",\"options\":["
                + "{\"digit\":\"2\",\"action\":\"EXTENSION\",\"extension\":\"2002\"},"
                + "{\"digit\":\"*\",\"action\":\"voicemail\",\"extension\":\"2001\"},"
                + "{\"digit\":\"0\",\"action\":\"HANGUP\"}]}");
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        assertThat(created.raw().headers().firstValue("Location")).hasValue(menus + "/" + id);
        assertThat(created.body().get("greeting").asText()).isEqualTo("aa-welcome");
        assertThat(created.body().get("timeoutSeconds").asInt()).isEqualTo(5);
        assertThat(created.body().get("maxRetries").asInt()).isEqualTo(3);
        assertThat(created.body().get("dialByExtension").asBoolean()).isTrue();
        assertThat(created.body().get("options").findValuesAsText("digit")).containsExactly("*", "0", "2");
        assertThat(created.body().get("options").findValuesAsText("action")).containsExactly("VOICEMAIL", "HANGUP", "EXTENSION");

        Res sub = create("{\"number\":\"701\",\"options\":[{\"digit\":\"9\",\"action\":\"HANGUP\"}]}");
        assertThat(sub.status()).as(sub.raw().body()).isEqualTo(201);
        long subId = sub.body().get("id").asLong();
        Res updated = app.put(menus + "/" + id, token, "{\"number\":\"702\",\"greeting\":\"aa-dial-extension\","
                + "\"timeoutSeconds\":8,\"options\":[{\"digit\":\"3\",\"action\":\"MENU\",\"menuId\":" + subId + "}]}");
        assertThat(updated.status()).as(updated.raw().body()).isEqualTo(200);
        assertThat(app.get(menus + "/" + id, token).body().get("number").asText()).isEqualTo("702");
        assertThat(app.get(menus + "/" + id, token).body().get("options").get(0).get("menuId").asLong()).isEqualTo(subId);
        assertThat(app.get(menus, token).body().findValuesAsText("number")).contains("702", "701");

        Res inUse = app.delete(menus + "/" + subId, token);
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.field()).isEqualTo("menuId");
        assertThat(app.delete(menus + "/" + id, token).status()).isEqualTo(204);
        assertThat(app.delete(menus + "/" + subId, token).status()).isEqualTo(204);
        assertThat(app.get(menus + "/" + id, token).status()).isEqualTo(404);
    }

    @Test
    void badInputIs400NamingTheField() {
        assertField(create("{\"number\":\"7a\"}"), 400, "number");
        assertField(create("{\"number\":\"710\",\"options\":[{\"digit\":\"#\",\"action\":\"HANGUP\"}]}"), 400,
                "options[0].digit");
        assertField(create("{\"number\":\"710\",\"options\":[{\"digit\":\"1\",\"action\":\"HANGUP\"},"
                + "{\"digit\":\"1\",\"action\":\"HANGUP\"}]}"), 400, "options[1].digit");
        assertField(create("{\"number\":\"710\",\"options\":[{\"digit\":\"1\",\"action\":\"DANCE\"}]}"), 400,
                "options[0].action");
        assertField(create("{\"number\":\"710\",\"options\":[{\"digit\":\"1\",\"action\":\"EXTENSION\",\"extension\":\"9999\"}]}"),
                400, "options[0].extension");
        assertField(create("{\"number\":\"710\",\"options\":[{\"digit\":\"1\",\"action\":\"MENU\",\"menuId\":999999}]}"),
                400, "options[0].menuId");
        assertField(create("{\"number\":\"710\",\"greeting\":\"no-such-prompt\"}"), 400, "greeting");
        assertField(create("{\"number\":\"710\",\"timeoutSeconds\":0}"), 400, "timeoutSeconds");
        assertField(create("{\"number\":\"710\",\"operatorExtension\":\"9999\"}"), 400, "operatorExtension");
        assertThat(app.get(menus, token).body().findValuesAsText("number")).doesNotContain("710");
    }

    @Test
    void numberOfAnotherMenuOrOfAUserIs409() {
        assertThat(create("{\"number\":\"720\"}").status()).isEqualTo(201);

        assertField(create("{\"number\":\"720\"}"), 409, "number");
        assertField(create("{\"number\":\"2001\"}"), 409, "number");
        assertField(app.post("/api/v1/tenants/" + tenant + "/users", token, "{\"extension\":\"720\"}"), 409, "extension");
    }

    @Test
    void menuOfAnotherTenantIsNotFound() {
        long other = app.createTenant(token, "Other", "other.example.com");
        Res created = create("{\"number\":\"730\"}");

        assertThat(app.get("/api/v1/tenants/" + other + "/menus/" + created.body().get("id").asLong(), token).status())
                .isEqualTo(404);
        assertThat(app.get("/api/v1/tenants/" + other + "/menus", token).body()).isEmpty();
    }

    private static void assertField(Res r, int status, String field) {
        assertThat(r.status()).as(r.raw().body()).isEqualTo(status);
        assertThat(r.field()).isEqualTo(field);
    }
}
