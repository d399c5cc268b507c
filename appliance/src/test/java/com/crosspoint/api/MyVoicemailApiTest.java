package com.crosspoint.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.api.HttpJson.Res;
import com.crosspoint.media.wav.WavReader;
import com.crosspoint.media.wav.WavWriter;
import com.crosspoint.model.User;
import com.crosspoint.model.Voicemail;
import com.crosspoint.testing.EventClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The end user's mailbox over real HTTP: list, listen, mark heard, delete, PIN, greetings, live events. */
class MyVoicemailApiTest {
    /**
     * HTTP/1.1 as browsers speak it to a plain-HTTP server: the JDK client otherwise offers an h2c
     * upgrade on the first request of a connection, which Jetty drops for a request with a large body.
     */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    static Path dir;
    static ApplianceFixture app;
    static String root;
    static long tenant;
    static User alice;
    static User bob;

    @BeforeAll
    static void start() {
        app = ApplianceFixture.start(dir);
        root = app.loginAdmin();
        tenant = app.createTenant(root, "V", "v.example.com");
        alice = user("2001", "Alice", "alice-web-1");
        bob = user("2002", "Bob", "bob-web-12");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static User user(String ext, String name, String webPassword) {
        Res r = app.post("/api/v1/tenants/" + tenant + "/users", root, "{\"extension\":\"" + ext
                + "\",\"displayName\":\"" + name + "\",\"webPassword\":\"" + webPassword + "\"}");
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        return app.appliance().directory().user(r.body().get("id").asLong()).orElseThrow();
    }

    static Browser login(String ext, String password) {
        Browser b = new Browser(app.baseUrl());
        assertThat(b.loginUser(ext, password, "v.example.com").status()).isEqualTo(200);
        return b;
    }

    /** A message as the recorder leaves it: a finished WAV in the mailbox, then the row. */
    static Voicemail leave(User box, String from, int seconds) throws IOException {
        Path file = app.appliance().voicemail().newRecording(box);
        try (WavWriter w = WavWriter.create(file)) {
            w.write(new short[8000 * seconds]);
            w.finish();
        }
        return app.appliance().voicemail().leave(box, from, "Caller " + from, file, seconds * 1000L);
    }

    static HttpResponse<byte[]> raw(Browser b, String method, String path, byte[] body, String contentType) {
        HttpRequest.Builder rq = HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).timeout(Duration.ofSeconds(10))
                .header("Cookie", b.cookie).header("Origin", b.origin()).header("X-CSRF-Token", b.csrf);
        if (contentType != null) {
            rq.header("Content-Type", contentType);
        }
        rq.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            return HTTP.send(rq.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A minimal 16-bit PCM WAV of {@code millis} of a 440 Hz tone at {@code rate}. */
    static byte[] wav(int rate, int channels, int millis) {
        int samples = rate * millis / 1000;
        ByteBuffer data = ByteBuffer.allocate(samples * 2 * channels).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < samples; i++) {
            short s = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / rate));
            for (int c = 0; c < channels; c++) {
                data.putShort(s);
            }
        }
        ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        h.put("RIFF".getBytes()).putInt(36 + data.capacity()).put("WAVE".getBytes()).put("fmt ".getBytes())
                .putInt(16).putShort((short) 1).putShort((short) channels).putInt(rate).putInt(rate * 2 * channels)
                .putShort((short) (2 * channels)).putShort((short) 16).put("data".getBytes()).putInt(data.capacity());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(h.array());
        out.writeBytes(data.array());
        return out.toByteArray();
    }

    @Test
    void aMessageIsListedPlayableMarkedHeardAndDeletedWithItsFile() throws Exception {
        User carol = user("2003", "Carol", "carol-web-1");
        Voicemail v = leave(carol, "2002", 2);
        Browser a = login("2003", "carol-web-1");

        JsonNode box = a.get("/api/v1/me/voicemails").body();
        assertThat(box.get("newMessages").asInt()).isEqualTo(1);
        assertThat(box.get("messages").get(0).get("id").asLong()).isEqualTo(v.id());
        assertThat(box.get("messages").get(0).get("callerExtension").asText()).isEqualTo("2002");
        assertThat(box.get("messages").get(0).get("durationMillis").asLong()).isEqualTo(2000);

        HttpResponse<byte[]> audio = raw(a, "GET", "/api/v1/me/voicemails/" + v.id() + "/audio", null, null);
        assertThat(audio.statusCode()).isEqualTo(200);
        assertThat(audio.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("audio/wav"));
        assertThat(WavReader.read(audio.body()).samples()).hasSize(16000);

        Res heard = a.call("PUT", "/api/v1/me/voicemails/" + v.id(), "{\"folder\":\"SAVED\"}");
        assertThat(heard.status()).isEqualTo(200);
        assertThat(heard.body().get("folder").asText()).isEqualTo("SAVED");
        assertThat(a.get("/api/v1/me/voicemails").body().get("savedMessages").asInt()).isEqualTo(1);

        Path file = app.appliance().voicemail().audio(carol.id(), v.id());
        assertThat(a.call("DELETE", "/api/v1/me/voicemails/" + v.id(), null).status()).isEqualTo(204);
        assertThat(file).doesNotExist();
        assertThat(a.get("/api/v1/me/voicemails").body().get("messages")).isEmpty();
        assertThat(raw(a, "GET", "/api/v1/me/voicemails/" + v.id() + "/audio", null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void anotherUsersMessageIsNotFoundAndAdminsHaveNoMailbox() throws Exception {
        Voicemail bobs = leave(bob, "2001", 1);
        Browser a = login("2001", "alice-web-1");

        assertThat(raw(a, "GET", "/api/v1/me/voicemails/" + bobs.id() + "/audio", null, null).statusCode()).isEqualTo(404);
        assertThat(a.call("DELETE", "/api/v1/me/voicemails/" + bobs.id(), null).status()).isEqualTo(404);
        assertThat(app.appliance().voicemail().counts(bob.id()).newMessages()).isEqualTo(1);
        assertThat(app.get("/api/v1/me/voicemails", root).status()).isEqualTo(403);
    }

    @Test
    void aGreetingUploadMustBeAUsableWav() {
        Browser b = login("2002", "bob-web-12");

        assertThat(raw(b, "PUT", "/api/v1/me/voicemail/greetings/busy", wav(8000, 1, 1500), "audio/wav").statusCode())
                .isEqualTo(204);
        assertThat(b.get("/api/v1/me/voicemails").body().get("busyGreeting").asBoolean()).isTrue();
        assertThat(b.get("/api/v1/me/voicemails").body().get("unavailableGreeting").asBoolean()).isFalse();

        HttpResponse<byte[]> cd = raw(b, "PUT", "/api/v1/me/voicemail/greetings/unavailable", wav(44100, 2, 1000), "audio/wav");
        assertThat(cd.statusCode()).isEqualTo(400);
        assertThat(new String(cd.body())).contains("\"field\":\"body\"").contains("44100");
        assertThat(raw(b, "PUT", "/api/v1/me/voicemail/greetings/unavailable", "RIFF....".getBytes(), "audio/wav")
                .statusCode()).isEqualTo(400);
        assertThat(raw(b, "PUT", "/api/v1/me/voicemail/greetings/unavailable", wav(8000, 1, 1000), "text/plain")
                .statusCode()).isEqualTo(415);
        HttpResponse<byte[]> kind = raw(b, "PUT", "/api/v1/me/voicemail/greetings/lunch", wav(8000, 1, 1000), "audio/wav");
        assertThat(kind.statusCode()).isEqualTo(400);
        assertThat(new String(kind.body())).contains("\"field\":\"kind\"");

        assertThat(b.call("DELETE", "/api/v1/me/voicemail/greetings/busy", null).status()).isEqualTo(204);
        assertThat(b.get("/api/v1/me/voicemails").body().get("busyGreeting").asBoolean()).isFalse();
    }

    @Test
    void thePinIsDigitsOnlyAndStoredAsAHash() {
        Browser b = login("2002", "bob-web-12");

        Res bad = b.call("PUT", "/api/v1/me/voicemail/pin", "{\"pin\":\"12a4\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("field").asText()).isEqualTo("pin");
        assertThat(b.call("PUT", "/api/v1/me/voicemail/pin", "{\"pin\":\"2468\"}").status()).isEqualTo(204);

        assertThat(b.get("/api/v1/me/voicemails").body().get("pinSet").asBoolean()).isTrue();
        assertThat(app.appliance().voicemail().checkPin(bob.id(), "2468")).isTrue();
        assertThat(app.appliance().voicemail().checkPin(bob.id(), "2469")).isFalse();
        assertThat(app.appliance().stores().voicemails().pinHash(bob.id())).hasValueSatisfying(
                h -> assertThat(h).doesNotContain("2468"));
    }

    @Test
    void anAdminResetsAForgottenPinButNotInAnotherTenant() {
        String path = "/api/v1/tenants/" + tenant + "/users/" + alice.id() + "/voicemail/pin";
        Res bad = app.put(path, root, "{\"pin\":\"12\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("field").asText()).isEqualTo("pin");
        assertThat(app.put(path, root, "{\"pin\":\"97531\"}").status()).isEqualTo(204);
        assertThat(app.appliance().voicemail().checkPin(alice.id(), "97531")).isTrue();

        long other = app.createTenant(root, "W", "w.example.com");
        Res created = app.post("/api/v1/admins", root,
                "{\"username\":\"w-admin\",\"password\":\"w-admin-pass-1\",\"role\":\"ADMIN\",\"tenantId\":" + other + "}");
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        String otherAdmin = app.login("w-admin", "w-admin-pass-1");
        assertThat(app.put(path, otherAdmin, "{\"pin\":\"11111\"}").status()).isEqualTo(403);
        assertThat(app.put("/api/v1/tenants/" + tenant + "/users/999999/voicemail/pin", root,
                "{\"pin\":\"11111\"}").status()).isEqualTo(404);
        assertThat(app.appliance().voicemail().checkPin(alice.id(), "97531")).isTrue();
    }

    @Test
    void theMailboxOwnerSeesNewMessagesLiveAndAnOperatorDoesNot() throws Exception {
        Browser a = login("2001", "alice-web-1");
        app.post("/api/v1/admins", root, "{\"username\":\"vop\",\"password\":\"password-vop\",\"role\":\"OPERATOR\"}");
        String operator = app.login("vop", "password-vop");
        try (EventClient mine = EventClient.connect(app.baseUrl(), Map.of("Cookie", a.cookie, "Origin", a.origin()));
             EventClient op = EventClient.connect(app.baseUrl(), Map.of("Authorization", "Bearer " + operator));
             EventClient bobs = EventClient.connect(app.baseUrl(),
                     Map.of("Cookie", login("2002", "bob-web-12").cookie, "Origin", a.origin()))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> mine.types().contains("snapshot")
                    && op.types().contains("snapshot") && bobs.types().contains("snapshot"));

            leave(alice, null, 1);
            // A later event every watcher gets, so "not received" is not just "not yet".
            app.appliance().activeCalls().update(new com.crosspoint.call.CallSnapshot("vm-marker", tenant, "2002", null,
                    "2001", null, com.crosspoint.call.CallState.RINGING, java.time.Instant.now(), null, null));

            await().atMost(Duration.ofSeconds(10)).until(() -> mine.types().contains("voicemail.left"));
            await().atMost(Duration.ofSeconds(10)).until(() -> op.types().contains("call.ringing")
                    && bobs.types().contains("call.ringing"));
            assertThat(op.types()).doesNotContain("voicemail.left");
            assertThat(bobs.types()).doesNotContain("voicemail.left");
        }
    }
}
