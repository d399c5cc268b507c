package com.crosspoint.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.testing.AdminApi;
import com.crosspoint.testing.EventClient;
import com.crosspoint.testing.RawSipClient;
import com.crosspoint.testing.RawSipClient.Response;
import com.crosspoint.testing.TestAppliance;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 item 6: guessing one account's SIP password from many addresses. Each of 23 loopback addresses stays
 * under the per-source limit (5 failures), so before the per-account budget every guess was verified and the right
 * one, sent from a fresh address, registered. Now the account backs off after 10 failures: guesses from addresses
 * that never authenticated as it are refused unverified, the right one too, while the owner's phone, which
 * registered from its own address before, keeps registering; the admin's event stream says so.
 */
class AccountGuessingIT {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final int ADDRESSES = 23;
    private static final int GUESSES_PER_ADDRESS = 4;
    private static TestAppliance pbx;

    @BeforeAll
    static void start() {
        pbx = TestAppliance.start(Map.of("sip.auth.failureLimit", "5", "sip.auth.account.failureLimit", "10",
                "sip.auth.account.windowSeconds", "600", "sip.auth.account.backOffSeconds", "600"));
        pbx.user("1001", "Alice", "pw-alice-1001");
    }

    @AfterAll
    static void stop() {
        pbx.close();
    }

    @Test
    void guessesFromRotatingAddressesStopCountingAndTheOwnerKeepsRegistering() throws Exception {
        AdminApi api = new AdminApi(pbx.appliance().httpPort(), "admin", "admin-secret");
        try (EventClient events = EventClient.connect("http://127.0.0.1:" + pbx.appliance().httpPort(),
                "token=" + api.token(), null);
             RawSipClient owner = new RawSipClient("127.0.0.1", pbx.sipPort(), "127.0.0.60")) {
            assertThat(register(owner, "pw-alice-1001").status()).isEqualTo(200);

            int refusedUnverified = 0;
            for (int a = 0; a < ADDRESSES; a++) {
                try (RawSipClient attacker = new RawSipClient("127.0.0.1", pbx.sipPort(), "127.0.1." + (10 + a))) {
                    for (int g = 0; g < GUESSES_PER_ADDRESS; g++) {
                        int status = register(attacker, "guess-" + a + "-" + g).status();
                        assertThat(status).isIn(401, 403);
                        refusedUnverified += status == 403 ? 1 : 0;
                    }
                }
            }
            assertThat(refusedUnverified).as("guesses refused without being verified")
                    .isGreaterThanOrEqualTo(ADDRESSES * GUESSES_PER_ADDRESS - 11);

            try (RawSipClient lucky = new RawSipClient("127.0.0.1", pbx.sipPort(), "127.0.1.99")) {
                Response right = register(lucky, "pw-alice-1001");
                assertThat(right.status()).as("the right password from a new address").isEqualTo(403);
            }
            assertThat(register(owner, "pw-alice-1001").status()).as("the owner's own address").isEqualTo(200);

            await().atMost(WAIT).until(() -> events.frames().stream()
                    .anyMatch(f -> "security.account-back-off".equals(f.get("type").asText())));
            JsonNode frame = events.frames().stream()
                    .filter(f -> "security.account-back-off".equals(f.get("type").asText())).findFirst().orElseThrow();
            assertThat(frame.get("account").asText()).isEqualTo("1001@" + TestAppliance.DOMAIN);
            assertThat(frame.get("channel").asText()).isEqualTo("sip");
            assertThat(frame.get("failures").asInt()).isEqualTo(11);
            assertThat(frame.get("sources").asInt()).isGreaterThan(1);
            assertThat(frame.get("tenantId").asLong()).isEqualTo(pbx.tenant().id());
        }
    }

    /** REGISTER as 1001 with {@code password}: the answer to the authenticated request (or the refusal). */
    private static Response register(RawSipClient client, String password) {
        String aor = "sip:1001@" + TestAppliance.DOMAIN;
        return client.sendWithDigest("REGISTER", "sip:" + pbx.sipHostPort(), aor, aor, UUID.randomUUID() + "@guess",
                List.of("Expires: 600"), null, "1001", password, WAIT);
    }
}
