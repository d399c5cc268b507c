package com.crosspoint.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.api.HttpJson.Res;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvisioningApiTest {
    @TempDir
    static Path dir;
    static ApplianceFixture app;
    static String token;
    static long tenant;
    static String users;

    @BeforeAll
    static void start() {
        app = ApplianceFixture.start(dir);
        token = app.loginAdmin();
        tenant = app.createTenant(token, "Acme", "acme.example.com");
        users = "/api/v1/tenants/" + tenant + "/users";
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static long createUser(String extension) {
        Res r = app.post(users, token, "{\"extension\":\"" + extension + "\",\"displayName\":\"U " + extension + "\"}");
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    // ---- tenants ---------------------------------------------------------------------------

    @Test
    void tenantLifecycle() {
        Res created = app.post("/api/v1/tenants", token, "{\"name\":\"Temp\",\"domain\":\"Temp.Example.com\"}");
        assertThat(created.status()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        assertThat(created.body().get("domain").asText()).isEqualTo("temp.example.com");
        assertThat(created.raw().headers().firstValue("Location")).hasValue("/api/v1/tenants/" + id);

        assertThat(app.get("/api/v1/tenants/" + id, token).body().get("name").asText()).isEqualTo("Temp");
        Res updated = app.put("/api/v1/tenants/" + id, token, "{\"name\":\"Temp 2\",\"domain\":\"temp2.example.com\"}");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.body().get("domain").asText()).isEqualTo("temp2.example.com");
        assertThat(app.get("/api/v1/tenants", token).body().findValuesAsText("domain")).contains("temp2.example.com");

        assertThat(app.delete("/api/v1/tenants/" + id, token).status()).isEqualTo(204);
        assertThat(app.get("/api/v1/tenants/" + id, token).status()).isEqualTo(404);
        assertThat(app.delete("/api/v1/tenants/" + id, token).status()).isEqualTo(404);
    }

    @Test
    void duplicateDomainIs409NamingDomain() {
        Res r = app.post("/api/v1/tenants", token, "{\"name\":\"Again\",\"domain\":\"acme.example.com\"}");

        assertThat(r.status()).isEqualTo(409);
        assertThat(r.field()).isEqualTo("domain");
    }

    @Test
    void invalidDomainIs400NamingDomain() {
        Res r = app.post("/api/v1/tenants", token, "{\"name\":\"Bad\",\"domain\":\"not a domain!\"}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.field()).isEqualTo("domain");
    }

    // ---- users -----------------------------------------------------------------------------

    @Test
    void userLifecycleWithSettings() {
        // Forward targets must exist (issue 10).
        assertThat(app.post(users, token, "{\"extension\":\"2002\"}").status()).isEqualTo(201);
        assertThat(app.post(users, token, "{\"extension\":\"2099\"}").status()).isEqualTo(201);
        Res created = app.post(users, token, "{\"extension\":\"2001\",\"displayName\":\"Ann\",\"email\":\"ann@acme.example.com\","
                + "\"settings\":{\"forwardBusy\":\"2002\",\"noAnswerSeconds\":25},\"webPassword\":\"web-password-1\"}");
        assertThat(created.status()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        assertThat(created.body().get("settings").get("forwardBusy").asText()).isEqualTo("2002");
        assertThat(created.body().get("settings").get("noAnswerSeconds").asInt()).isEqualTo(25);
        assertThat(created.body().has("webPassword")).isFalse();
        assertThat(app.appliance().stores().users().webPasswordHash(id)).isPresent();

        Res got = app.get(users + "/" + id, token);
        assertThat(got.body().get("displayName").asText()).isEqualTo("Ann");
        assertThat(app.get(users + "?extension=2001", token).body()).hasSize(1);

        Res updated = app.put(users + "/" + id, token, "{\"extension\":\"2011\",\"displayName\":\"Ann B\"}");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.body().get("extension").asText()).isEqualTo("2011");
        assertThat(updated.body().get("email").isNull()).isTrue();
        assertThat(updated.body().get("settings").get("forwardBusy").asText()).as("settings kept").isEqualTo("2002");

        Res settings = app.put(users + "/" + id + "/settings", token,
                "{\"forwardAlways\":\"2099\",\"doNotDisturb\":true}");
        assertThat(settings.status()).isEqualTo(200);
        assertThat(settings.body().get("settings").get("forwardAlways").asText()).isEqualTo("2099");
        assertThat(settings.body().get("settings").get("doNotDisturb").asBoolean()).isTrue();
        assertThat(settings.body().get("settings").get("noAnswerSeconds").asInt()).isEqualTo(20);
        assertThat(app.appliance().directory().user(id).orElseThrow().settings().doNotDisturb()).isTrue();

        assertThat(app.delete(users + "/" + id, token).status()).isEqualTo(204);
        assertThat(app.get(users + "/" + id, token).status()).isEqualTo(404);
    }

    @Test
    void duplicateExtensionIs409NamingExtension() {
        createUser("2100");

        Res r = app.post(users, token, "{\"extension\":\"2100\"}");

        assertThat(r.status()).isEqualTo(409);
        assertThat(r.field()).isEqualTo("extension");
    }

    @Test
    void invalidExtensionIs400NamingExtension() {
        Res r = app.post(users, token, "{\"extension\":\"12a\"}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.field()).isEqualTo("extension");
    }

    @Test
    void invalidSettingsNameTheNestedField() {
        Res nested = app.post(users, token, "{\"extension\":\"2200\",\"settings\":{\"noAnswerSeconds\":1}}");
        long id = createUser("2201");
        Res direct = app.put(users + "/" + id + "/settings", token, "{\"forwardNoAnswer\":\"abc\"}");

        assertThat(nested.status()).isEqualTo(400);
        assertThat(nested.field()).isEqualTo("settings.noAnswerSeconds");
        assertThat(direct.status()).isEqualTo(400);
        assertThat(direct.field()).isEqualTo("forwardNoAnswer");
    }

    @Test
    void shortWebPasswordIs400AndCreatesNothing() {
        Res r = app.post(users, token, "{\"extension\":\"2300\",\"webPassword\":\"short\"}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.field()).isEqualTo("webPassword");
        assertThat(app.get(users + "?extension=2300", token).body()).isEmpty();
    }

    @Test
    void malformedJsonIs400NamingWhereItBroke() {
        Res broken = app.post(users, token, "{\"extension\":\"2400\",\"settings\":{\"noAnswerSeconds\":}}");
        Res truncated = app.post(users, token, "{\"extension\":\"24");

        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.error()).startsWith("malformed JSON");
        assertThat(broken.field()).isEqualTo("settings.noAnswerSeconds");
        assertThat(truncated.status()).isEqualTo(400);
        assertThat(truncated.error()).startsWith("malformed JSON");
    }

    @Test
    void wrongTypesAre400NamingTheField() {
        Res numberForString = app.post(users, token, "{\"extension\":2500}");
        Res stringForNumber = app.post(users, token, "{\"extension\":\"2501\",\"settings\":{\"noAnswerSeconds\":\"20\"}}");
        Res arrayBody = app.post(users, token, "[1,2]");

        assertThat(numberForString.status()).isEqualTo(400);
        assertThat(numberForString.field()).isEqualTo("extension");
        assertThat(numberForString.error()).contains("string");
        assertThat(stringForNumber.status()).isEqualTo(400);
        assertThat(stringForNumber.field()).isEqualTo("settings.noAnswerSeconds");
        assertThat(arrayBody.status()).isEqualTo(400);
        assertThat(arrayBody.field()).isNull();
    }

    @Test
    void unknownPropertyIs400NamingIt() {
        Res r = app.post(users, token, "{\"extension\":\"2600\",\"extention\":\"2600\"}");
        Res nested = app.post(users, token, "{\"extension\":\"2601\",\"settings\":{\"dnd\":true}}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.field()).isEqualTo("extention");
        assertThat(r.error()).contains("unknown property");
        assertThat(nested.field()).isEqualTo("settings.dnd");
    }

    @Test
    void forwardingToANumberNobodyHasIsRefusedNamingTheField() {
        Res create = app.post(users, token, "{\"extension\":\"2801\",\"settings\":{\"forwardBusy\":\"2899\"}}");
        assertThat(create.status()).isEqualTo(400);
        assertThat(create.field()).isEqualTo("settings.forwardBusy");
        assertThat(create.error()).contains("2899");
        assertThat(app.get(users + "?extension=2801", token).body()).as("nothing half-created").isEmpty();

        long id = app.post(users, token, "{\"extension\":\"2802\"}").body().get("id").asLong();
        Res settings = app.put(users + "/" + id + "/settings", token, "{\"forwardNoAnswer\":\"2899\"}");
        assertThat(settings.status()).isEqualTo(400);
        assertThat(settings.field()).isEqualTo("forwardNoAnswer");
        assertThat(app.put(users + "/" + id + "/settings", token, "{\"forwardNoAnswer\":\"2802\"}").status())
                .isEqualTo(200);
    }

    @Test
    void bodyProblemsGetTheirOwnStatus() {
        Res noBody = app.post(users, token, null);
        Res notJson = app.send("POST", users, token, "extension=2700", "application/x-www-form-urlencoded");
        Res huge = app.post(users, token, "{\"extension\":\"2701\",\"displayName\":\"" + "x".repeat(70_000) + "\"}");

        assertThat(noBody.status()).isEqualTo(400);
        assertThat(notJson.status()).isEqualTo(415);
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.body().has("error")).isTrue();
    }

    @Test
    void unknownIdsAre404AndBadIds400() {
        assertThat(app.get(users + "/999999", token).status()).isEqualTo(404);
        assertThat(app.get("/api/v1/tenants/999999/users", token).status()).isEqualTo(404);
        assertThat(app.get("/api/v1/tenants/" + tenant + "/devices/999999", token).status()).isEqualTo(404);
        Res bad = app.get(users + "/abc", token);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.field()).isEqualTo("userId");
    }

    @Test
    void unknownRoutesAre404AndWrongMethods405() {
        Res unknown = app.get("/api/v1/nothing-here", token);
        Res method = app.send("PATCH", users, token, "{}");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().has("field")).isTrue();
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.raw().headers().firstValue("Allow")).hasValue("GET, POST");
    }

    // ---- devices ---------------------------------------------------------------------------

    @Test
    void devicePasswordIsShownOnceOnly() {
        long user = createUser("3001");
        String devices = users + "/" + user + "/devices";

        Res created = app.post(devices, token, "{\"password\":\"sip-password-1\"}");
        assertThat(created.status()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        assertThat(created.body().get("sipUsername").asText()).isEqualTo("3001");
        assertThat(created.body().get("password").asText()).isEqualTo("sip-password-1");
        assertThat(created.body().get("extension").asText()).isEqualTo("3001");

        Res got = app.get("/api/v1/tenants/" + tenant + "/devices/" + id, token);
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.body().has("password")).isFalse();
        assertThat(got.raw().body()).doesNotContain("sip-password-1").doesNotContainIgnoringCase("ha1");
        assertThat(app.get(devices, token).raw().body()).doesNotContain("password");
    }

    @Test
    void devicesGetGeneratedNamesAndPasswords() {
        long user = createUser("3101");
        String devices = users + "/" + user + "/devices";

        Res first = app.post(devices, token, null);
        Res second = app.post(devices, token, "{}");

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.body().get("sipUsername").asText()).isEqualTo("3101");
        assertThat(first.body().get("password").asText()).hasSize(16);
        assertThat(second.body().get("sipUsername").asText()).isEqualTo("3101-2");
        assertThat(app.get(devices, token).body()).hasSize(2);
        assertThat(app.get("/api/v1/tenants/" + tenant + "/devices?sipUsername=3101-2", token).body()).hasSize(1);
    }

    @Test
    void devicePasswordChangeAndDelete() {
        long user = createUser("3201");
        long id = app.post(users + "/" + user + "/devices", token, "{}").body().get("id").asLong();
        String device = "/api/v1/tenants/" + tenant + "/devices/" + id;

        Res given = app.put(device + "/password", token, "{\"password\":\"another-pass\"}");
        Res generated = app.put(device + "/password", token, null);
        Res tooShort = app.put(device + "/password", token, "{\"password\":\"short\"}");

        assertThat(given.status()).isEqualTo(200);
        assertThat(given.body().get("password").asText()).isEqualTo("another-pass");
        assertThat(generated.body().get("password").asText()).hasSize(16);
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.field()).isEqualTo("password");
        assertThat(app.delete(device, token).status()).isEqualTo(204);
        assertThat(app.get(device, token).status()).isEqualTo(404);
    }

    @Test
    void duplicateSipUsernameIs409() {
        long user = createUser("3301");
        app.post(users + "/" + user + "/devices", token, "{\"sipUsername\":\"desk-3301\"}");

        Res r = app.post(users + "/" + user + "/devices", token, "{\"sipUsername\":\"desk-3301\"}");

        assertThat(r.status()).isEqualTo(409);
        assertThat(r.field()).isEqualTo("sipUsername");
    }
}
