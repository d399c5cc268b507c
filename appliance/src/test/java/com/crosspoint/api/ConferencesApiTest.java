package com.crosspoint.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.api.HttpJson.Res;
import com.crosspoint.conference.ConferenceBridge.Participant;
import com.crosspoint.model.ConferenceRoom;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The conference rooms API on a real appliance (participants are put in through the service, not by phone). */
class ConferencesApiTest {
    @TempDir
    static Path dir;
    static ApplianceFixture app;
    static String token;
    static long tenant;
    static String rooms;

    @BeforeAll
    static void start() {
        app = ApplianceFixture.start(dir);
        token = app.loginAdmin();
        tenant = app.createTenant(token, "Acme", "acme.example.com");
        rooms = "/api/v1/tenants/" + tenant + "/conferences";
        assertThat(app.post("/api/v1/tenants/" + tenant + "/users", token, "{\"extension\":\"2001\"}").status())
                .isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void roomLifecycleNeverShowsThePin() {
        Res created = app.post(rooms, token, "{\"number\":\"800\",\"name\":\"Board\",\"pin\":\"4321\"}");
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        assertThat(created.raw().headers().firstValue("Location")).hasValue(rooms + "/" + id);
        assertThat(created.body().get("pinRequired").asBoolean()).isTrue();
        assertThat(created.body().get("maxParticipants").asInt()).isEqualTo(20);
        assertThat(created.body().get("participants").asInt()).isZero();
        assertThat(created.raw().body()).doesNotContain("4321").doesNotContain("pinHash");

        Res updated = app.put(rooms + "/" + id, token, "{\"number\":\"801\",\"name\":\"Board 2\",\"maxParticipants\":5}");
        assertThat(updated.status()).as(updated.raw().body()).isEqualTo(200);
        assertThat(updated.body().get("pinRequired").asBoolean()).as("a PUT without pin keeps it").isTrue();
        assertThat(app.get(rooms + "/" + id, token).body().get("number").asText()).isEqualTo("801");
        assertThat(app.get(rooms, token).body().findValuesAsText("name")).contains("Board 2");

        Res open = app.put(rooms + "/" + id, token, "{\"number\":\"801\",\"pin\":\"\"}");
        assertThat(open.body().get("pinRequired").asBoolean()).isFalse();

        assertThat(app.delete(rooms + "/" + id, token).status()).isEqualTo(204);
        assertThat(app.get(rooms + "/" + id, token).status()).isEqualTo(404);
    }

    @Test
    void aRoomNumberThatIsAUsersExtensionIs409AndTheOtherWayRound() {
        Res r = app.post(rooms, token, "{\"number\":\"2001\"}");
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.field()).isEqualTo("number");
        assertThat(r.error()).contains("extension of a user");

        assertThat(app.post(rooms, token, "{\"number\":\"850\"}").status()).isEqualTo(201);
        Res user = app.post("/api/v1/tenants/" + tenant + "/users", token, "{\"extension\":\"850\"}");
        assertThat(user.status()).isEqualTo(409);
        assertThat(user.field()).isEqualTo("extension");
        assertThat(user.error()).contains("conference room");

        assertThat(app.post(rooms, token, "{\"number\":\"850\"}").status()).isEqualTo(409);
    }

    @Test
    void badFieldsAre400NamingTheField() {
        assertThat(app.post(rooms, token, "{\"number\":\"8x\"}").field()).isEqualTo("number");
        assertThat(app.post(rooms, token, "{\"number\":\"860\",\"pin\":\"12\"}").field()).isEqualTo("pin");
        Res big = app.post(rooms, token, "{\"number\":\"860\",\"maxParticipants\":101}");
        assertThat(big.status()).isEqualTo(400);
        assertThat(big.field()).isEqualTo("maxParticipants");
        assertThat(app.post(rooms, token, "{\"number\":\"860\",\"maxParticipants\":\"many\"}").field())
                .isEqualTo("maxParticipants");
    }

    @Test
    void liveParticipantsCanBeMutedAndKicked() {
        Res created = app.post(rooms, token, "{\"number\":\"870\"}");
        long id = created.body().get("id").asLong();
        var service = app.appliance().conferences();
        ConferenceRoom room = service.room(tenant, id);
        Participant ann = service.join(room, "2001 Ann").orElseThrow();
        service.join(room, "2002 Ben").orElseThrow();

        Res list = app.get(rooms + "/" + id + "/participants", token);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().findValuesAsText("caller")).containsExactly("2001 Ann", "2002 Ben");
        assertThat(app.get(rooms + "/" + id, token).body().get("participants").asInt()).isEqualTo(2);

        String annPath = rooms + "/" + id + "/participants/" + ann.id();
        Res muted = app.post(annPath + "/mute", token, "{\"muted\":true}");
        assertThat(muted.status()).as(muted.raw().body()).isEqualTo(200);
        assertThat(muted.body().get("muted").asBoolean()).isTrue();
        assertThat(ann.muted()).isTrue();
        assertThat(app.post(annPath + "/mute", token, "{}").field()).isEqualTo("muted");

        assertThat(app.delete(annPath, token).status()).isEqualTo(204);
        assertThat(ann.kicked()).isTrue();
        assertThat(app.get(rooms + "/" + id + "/participants", token).body().findValuesAsText("caller"))
                .containsExactly("2002 Ben");
        assertThat(app.delete(annPath, token).status()).isEqualTo(404);
    }

    @Test
    void anUnknownTenantIs404() {
        assertThat(app.get("/api/v1/tenants/987654/conferences", token).status()).isEqualTo(404);
    }
}
