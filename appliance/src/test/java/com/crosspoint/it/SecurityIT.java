package com.crosspoint.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.testing.BaresipPhone;
import com.crosspoint.testing.RawSipClient;
import com.crosspoint.testing.RawSipClient.Response;
import com.crosspoint.testing.SipText;
import com.crosspoint.testing.TestAppliance;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What an attacker sees: no difference between a wrong password and an unknown user, a block
 * after repeated failures, and no call without credentials, whatever number is dialled.
 * Each test speaks from its own loopback address, so the per-source throttle keeps them apart.
 */
class SecurityIT {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Pattern NONCE = Pattern.compile("nonce=\"([^\"]+)\"");
    private static TestAppliance pbx;

    @BeforeAll
    static void start() {
        pbx = TestAppliance.start(Map.of("sip.auth.failureLimit", "5"));
        pbx.user("1001", "Alice", "pw-alice-1001");
        pbx.user("1002", "Bob", "pw-bob-1002");
    }

    @AfterAll
    static void stop() {
        pbx.close();
    }

    @Test
    void wrongPasswordAndUnknownUserLookTheSame() {
        try (RawSipClient client = new RawSipClient("127.0.0.1", pbx.sipPort(), "127.0.0.21")) {
            Response wrongPassword = register(client, "1001", "not-the-password");
            Response unknownUser = register(client, "7777", "whatever-password");
            assertThat(wrongPassword.status()).isEqualTo(401);
            assertThat(unknownUser.status()).isEqualTo(wrongPassword.status());
            assertThat(unknownUser.reason()).isEqualTo(wrongPassword.reason());
            assertThat(unknownUser.headers().keySet()).isEqualTo(wrongPassword.headers().keySet());
            assertThat(withoutNonce(unknownUser.all("www-authenticate")))
                    .isEqualTo(withoutNonce(wrongPassword.all("www-authenticate")));
            assertThat(wrongPassword.all("www-authenticate")).noneMatch(h -> h.contains("stale=true"));
        }
    }

    @Test
    void repeatedFailuresBlockTheSourceButNotOthers() {
        try (RawSipClient attacker = new RawSipClient("127.0.0.1", pbx.sipPort(), "127.0.0.22");
             RawSipClient honest = new RawSipClient("127.0.0.1", pbx.sipPort(), "127.0.0.23")) {
            for (int i = 0; i <= 5; i++) { // the limit (5) is allowed; one more failure blocks
                assertThat(register(attacker, "1001", "guess-" + i).status()).isEqualTo(401);
            }
            // Blocked now: the source gets 403 before any challenge, so it cannot even try the right password.
            String aor = "sip:1001@" + pbx.sipHostPort();
            Response blocked = attacker.send(attacker.request("REGISTER", "sip:" + pbx.sipHostPort(), aor, aor,
                    UUID.randomUUID() + "@probe", 1, List.of("Expires: 60"), null), WAIT);
            assertThat(blocked.status()).isEqualTo(403);
            assertThat(register(honest, "1001", "pw-alice-1001").status()).isEqualTo(200);
        }
    }

    @Test
    void unauthenticatedInvitesAreRefusedWhateverTheTarget() {
        try (BaresipPhone bob = BaresipPhone.builder(pbx.uri("1002")).password("pw-bob-1002").start();
             RawSipClient client = new RawSipClient("127.0.0.1", pbx.sipPort(), "127.0.0.24")) {
            bob.awaitRegistered(Duration.ofSeconds(15));
            for (String target : List.of("sip:1002@" + pbx.sipHostPort(), "sip:5555@" + pbx.sipHostPort(),
                    "sip:+15551234567@carrier.example.net", "sip:1002@evil.example.org")) {
                String invite = client.request("INVITE", target, "sip:1001@" + pbx.sipHostPort(), target,
                        UUID.randomUUID() + "@probe", 1, List.of(), sdp());
                Response r = client.send(invite, WAIT);
                assertThat(r.status()).as(target).isEqualTo(407);
            }
            assertThat(bob.events()).noneMatch(e -> e.isType("CALL_INCOMING"));
        }
    }

    @Test
    void authenticatedDeviceCannotCallOutsideItsTenant() {
        try (RawSipClient client = new RawSipClient("127.0.0.1", pbx.sipPort(), "127.0.0.25")) {
            String target = "sip:+15551234567@carrier.example.net";
            String callId = UUID.randomUUID() + "@probe";
            String first = client.request("INVITE", target, "sip:1001@" + pbx.sipHostPort(), target, callId, 1, List.of(), sdp());
            Response challenge = client.send(first, WAIT);
            assertThat(challenge.status()).isEqualTo(407);
            String authorization = SipText.digest("1001", "pw-alice-1001", "INVITE", target, challenge.header("proxy-authenticate"));
            String second = client.request("INVITE", target, "sip:1001@" + pbx.sipHostPort(), target, callId, 2,
                    List.of("Proxy-Authorization: " + authorization), sdp());
            assertThat(client.send(second, WAIT).status()).isEqualTo(403);
        }
    }

    private static Response register(RawSipClient client, String user, String password) {
        String aor = "sip:" + user + "@" + pbx.sipHostPort();
        String ruri = "sip:" + pbx.sipHostPort();
        String callId = UUID.randomUUID() + "@probe";
        Response challenge = client.send(client.request("REGISTER", ruri, aor, aor, callId, 1, List.of("Expires: 60"), null), WAIT);
        assertThat(challenge.status()).isEqualTo(401);
        String authorization = SipText.digest(user, password, "REGISTER", ruri, challenge.header("www-authenticate"));
        return client.send(client.request("REGISTER", ruri, aor, aor, callId, 2,
                List.of("Expires: 60", "Authorization: " + authorization), null), WAIT);
    }

    private static List<String> withoutNonce(List<String> challenges) {
        return challenges.stream().map(c -> NONCE.matcher(c).replaceAll("nonce=\"*\"")).toList();
    }

    private static String sdp() {
        return "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\n"
                + "a=rtpmap:0 PCMU/8000\r\n";
    }
}
