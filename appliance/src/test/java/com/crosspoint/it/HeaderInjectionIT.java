package com.crosspoint.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.testing.AdminApi;
import com.crosspoint.testing.RawSipClient;
import com.crosspoint.testing.RawSipClient.Response;
import com.crosspoint.testing.TestAppliance;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 item 4: a display name is provisioned through the API and reaches the From of the INVITEs sent to the
 * callee's phones. Before, CR/LF in it were accepted and became headers of their own in those INVITEs (an
 * auto-answer Call-Info, say), and quotes in it broke the From. Now the API refuses control characters with 400
 * naming the field, and a phone (here a raw SIP listener registered as 1004) gets the name as one quoted string.
 */
class HeaderInjectionIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestAppliance pbx;
    private static AdminApi api;
    private static String users;

    @BeforeAll
    static void start() {
        pbx = TestAppliance.start();
        pbx.user("1004", "Dave", "pw-dave-1004");
        api = new AdminApi(pbx.appliance().httpPort(), "admin", "admin-secret");
        users = "/tenants/" + pbx.tenant().id() + "/users";
    }

    @AfterAll
    static void stop() {
        pbx.close();
    }

    @Test
    void controlCharactersInProvisionedNamesAreRefusedNamingTheField() throws Exception {
        String injected = "Mallory\r\nCall-Info: <sip:127.0.0.1>;answer-after=0";
        assertRefused(api.exchange("POST", users, json(Map.of("extension", "1010", "displayName", injected))),
                "displayName");
        assertRefused(api.exchange("POST", users, json(Map.of("extension", "1011", "displayName", "Tab\there"))),
                "displayName");

        JsonNode created = JSON.readTree(api.exchange("POST", users,
                json(Map.of("extension", "1012", "displayName", "Erin"))).body());
        assertRefused(api.exchange("PUT", users + "/" + created.get("id").asLong(),
                json(Map.of("extension", "1012", "displayName", "Erin\nX-Evil: 1"))), "displayName");
        assertRefused(api.exchange("PUT", "/tenants/" + pbx.tenant().id(),
                json(Map.of("name", "Acme\r\nX-Evil: 1", "domain", TestAppliance.DOMAIN))), "name");
        assertRefused(api.exchange("POST", users, json(Map.of("extension", "1013", "displayName", "Frank",
                "email", "frank@example.com\r\nBcc: x@example.com"))), "email");
    }

    @Test
    void aDisplayNameReachesThePhoneAsOneQuotedString() throws Exception {
        String name = "Al \"The Boss\" \\ Ice";
        assertThat(api.exchange("POST", users, json(Map.of("extension", "1003", "displayName", name))).statusCode())
                .isEqualTo(201);
        pbx.device(pbx.appliance().directory().userByExtension(pbx.tenant().id(), "1003").orElseThrow(), "1003",
                "pw-al-1003");
        try (RawSipClient phone = new RawSipClient("127.0.0.1", pbx.sipPort());
             RawSipClient caller = new RawSipClient("127.0.0.1", pbx.sipPort())) {
            String aor = "sip:1004@" + pbx.sipHostPort();
            Response registered = phone.sendWithDigest("REGISTER", "sip:" + pbx.sipHostPort(), aor, aor,
                    UUID.randomUUID() + "@phone", List.of("Expires: 600"), null, "1004", "pw-dave-1004", WAIT);
            assertThat(registered.status()).isEqualTo(200);

            String target = "sip:1004@" + pbx.sipHostPort();
            CompletableFuture<Response> call = CompletableFuture.supplyAsync(() -> caller.sendWithDigest("INVITE",
                    target, "sip:1003@" + pbx.sipHostPort(), target, UUID.randomUUID() + "@caller", List.of(), sdp(),
                    "1003", "pw-al-1003", WAIT));
            String invite = phone.receiveRequest(WAIT);
            assertThat(invite).startsWith("INVITE ");
            phone.reply(invite, 486, "Busy Here");

            List<String> head = Arrays.asList(invite.substring(0, invite.indexOf("\r\n\r\n")).split("\r\n"));
            assertThat(head).filteredOn(l -> l.regionMatches(true, 0, "From:", 0, 5)).singleElement().asString()
                    .startsWith("From: \"Al \\\"The Boss\\\" \\\\ Ice\" <sip:1003@");
            assertThat(head).noneMatch(l -> l.regionMatches(true, 0, "Call-Info", 0, 9));
            call.join();
        }
    }

    private static void assertRefused(HttpResponse<String> r, String field) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).get("field").asText()).isEqualTo(field);
    }

    private static String json(Map<String, String> body) throws Exception {
        return JSON.writeValueAsString(body);
    }

    private static String sdp() {
        return "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\n"
                + "a=rtpmap:0 PCMU/8000\r\n";
    }
}
