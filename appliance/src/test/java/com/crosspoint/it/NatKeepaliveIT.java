package com.crosspoint.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.testing.BaresipPhone;
import com.crosspoint.testing.LabAppliance;
import com.crosspoint.testing.NatLab;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Incoming calls behind NAT after a long idle time (issue 11): the NAT forgets an idle UDP mapping after 30 s, the
 * phone (baresip without STUN) sends no keepalives and refreshes its registration only every ~54 s of the 60 s the
 * appliance grants ({@code nat.udpExpires}); the appliance's OPTIONS pings every 20 s ({@code nat.keepaliveSeconds})
 * are what keeps the mapping, so the phone still rings after the idle time.
 *
 * <p>Without the pings ({@code -Dnatlab.keepaliveSeconds=0}) this test fails: each refresh comes from a new port.
 *
 * <p>The idle time is the system property {@code natlab.idleSeconds}: the issue asks for five minutes
 * ({@code -Dnatlab.idleSeconds=300}, run and recorded in docs/nat.md); the suite's default is 120 s, four lifetimes of
 * the NAT's mapping and two registration refreshes, which the pings must bridge just the same, so that
 * {@code mvn verify} stays within CI's budget. The class takes that plus about 40 s. Evidence that the pings, not luck, kept the mapping: every refresh of the whole idle
 * time came from the same public port, and the call is placed more than 30 s after the last refresh.
 */
class NatKeepaliveIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final long IDLE_SECONDS = Long.getLong("natlab.idleSeconds", 120);
    /** The control experiment, by hand: {@code -Dnatlab.keepaliveSeconds=0} turns the pings off and the test fails. */
    private static final String KEEPALIVE = System.getProperty("natlab.keepaliveSeconds", "");

    @RegisterExtension
    static final NatLab LAB = new NatLab();

    @Test
    void aNatedPhoneStillRingsAfterALongIdleTime() {
        Instant started = Instant.now();
        LAB.udpTimeout(1, 30);
        LabAppliance pbx = LabAppliance.start(LAB, KEEPALIVE.isEmpty() ? "" : "nat:\n  keepaliveSeconds: " + KEEPALIVE + "\n");
        BaresipPhone callee = LAB.own(BaresipPhone.builder(LabAppliance.uri("1001")).name("ph1")
                .password(LabAppliance.PASSWORD).namespace(LAB.namespace("ph1"), NatLab.phoneAddress(1)).sipPort(5060)
                .regint(600).maxLifetime(Duration.ofSeconds(IDLE_SECONDS + 300)).start());
        BaresipPhone caller = LAB.own(BaresipPhone.builder(LabAppliance.uri("1003")).name("pub")
                .password(LabAppliance.PASSWORD).namespace(LAB.namespace("pub"), NatLab.PUBLIC_PHONE).sipPort(5060)
                .regint(600).maxLifetime(Duration.ofSeconds(IDLE_SECONDS + 300)).start());
        callee.awaitRegistered(WAIT);
        caller.awaitRegistered(WAIT);
        JsonNode first = registration(pbx, "1001");
        String mapping = first.get("source").asText();
        assertThat(NatLabIT.actionsOf(first)).contains("SHORT_EXPIRY");
        assertThat(remainingSeconds(first)).isBetween(1L, 60L);

        await().pollDelay(Duration.ofSeconds(IDLE_SECONDS)).atMost(Duration.ofSeconds(IDLE_SECONDS + 5))
                .until(() -> true);
        // Place the call more than 30 s after the phone's last refresh: without pings its mapping would be gone.
        await().atMost(Duration.ofSeconds(70)).pollInterval(Duration.ofMillis(500))
                .until(() -> remainingSeconds(registration(pbx, "1001")) <= 25);

        JsonNode idle = registration(pbx, "1001");
        assertThat(idle.get("source").asText()).as("every refresh came through the same, kept mapping")
                .isEqualTo(mapping);
        assertThat(NatLabIT.signs(idle.get("nat"))).doesNotContain("MAPPING_CHANGED", "PINGS_UNANSWERED");
        caller.dial(LabAppliance.uri("1001"));
        callee.awaitEvent("CALL_ESTABLISHED", WAIT);
        caller.awaitEvent("CALL_ESTABLISHED", WAIT);
        caller.hangup();
        callee.awaitEvent("CALL_CLOSED", WAIT);
        System.out.printf("NatKeepaliveIT: idle %d s, class body took %d s%n", IDLE_SECONDS,
                Duration.between(started, Instant.now()).toSeconds());
    }

    private static long remainingSeconds(JsonNode registration) {
        return Duration.between(Instant.now(), Instant.parse(registration.get("expiresAt").asText())).toSeconds();
    }

    private static JsonNode registration(LabAppliance pbx, String extension) {
        for (JsonNode r : pbx.api().get("/tenants/" + pbx.tenantId() + "/registrations")) {
            if (r.get("aor").asText().startsWith("sip:" + extension + "@")) {
                return r;
            }
        }
        throw new AssertionError("no registration of " + extension);
    }
}
