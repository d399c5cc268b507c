package com.crosspoint.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.testing.BaresipPhone;
import com.crosspoint.testing.EventClient;
import com.crosspoint.testing.LabAppliance;
import com.crosspoint.testing.NatLab;
import com.crosspoint.testing.web.Browser;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Real phones behind symmetric NATs (the lab of docs/nat.md): they register with no STUN, TURN or ICE, the appliance
 * finds their NAT, reaches them through their mappings, and still reaches a phone whose mapping was dropped once it
 * registered again. Signalling only: audio across two symmetric NATs needs media anchoring (issue 11, item 3).
 *
 * <p>Registrations are short here ({@code nat.udpExpires} 20 s) so that a rebinding shows within seconds.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NatLabIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String FAST_REGISTRATIONS = """
            sip:
              registrar:
                minExpires: 20
            nat:
              udpExpires: 20
            """;

    @RegisterExtension
    static final NatLab LAB = new NatLab();
    private static LabAppliance pbx;
    private static BaresipPhone ph1;
    private static BaresipPhone ph2;
    private static BaresipPhone pub;

    @BeforeAll
    static void start() {
        pbx = LabAppliance.start(LAB, FAST_REGISTRATIONS);
        ph1 = LAB.own(phone("1001", "ph1", NatLab.phoneAddress(1)));
        ph2 = LAB.own(phone("1002", "ph2", NatLab.phoneAddress(2)));
        pub = LAB.own(phone("1003", "pub", NatLab.PUBLIC_PHONE));
        for (BaresipPhone p : List.of(ph1, ph2, pub)) {
            p.awaitRegistered(WAIT);
        }
    }

    @Test
    @Order(1)
    void phonesBehindSymmetricNatsAreFoundAndReachedThroughTheirMappings() {
        JsonNode one = registration("1001");
        assertThat(one.get("source").asText()).startsWith(NatLab.natAddress(1) + ":").isNotEqualTo(
                NatLab.natAddress(1) + ":5060");
        assertThat(one.get("contact").asText()).contains(NatLab.phoneAddress(1));
        JsonNode nat = one.get("nat");
        assertThat(nat.get("kind").asText()).isEqualTo("NAT_PORT_CHANGING");
        assertThat(nat.get("summary").asText()).startsWith("symmetric NAT (ports change), anchored:");
        assertThat(signs(nat)).contains("PRIVATE_CONTACT", "VIA_ADDRESS_NOT_SOURCE", "PORT_NOT_PRESERVED");
        assertThat(texts(nat)).anyMatch(t -> t.contains(NatLab.phoneAddress(1)) && t.contains(NatLab.natAddress(1)));
        assertThat(actions(nat)).contains("FLOW_ROUTING", "SHORT_EXPIRY", "KEEPALIVE_PINGS", "ANCHORED");
        assertThat(secondsLeft(one)).as("nat.udpExpires (20 s here) granted, not the 600 s asked").isBetween(1L, 20L);
        assertThat(registration("1002").get("nat").get("kind").asText()).isEqualTo("NAT_PORT_CHANGING");
        assertThat(registration("1002").get("source").asText()).startsWith(NatLab.natAddress(2) + ":");

        JsonNode direct = registration("1003");
        assertThat(direct.get("source").asText()).isEqualTo(NatLab.PUBLIC_PHONE + ":5060");
        assertThat(direct.get("nat").get("kind").asText()).isEqualTo("NONE");
        assertThat(direct.get("nat").get("summary").asText()).isEqualTo("no NAT, not anchored");
        assertThat(direct.get("nat").get("evidence")).isEmpty();
        assertThat(direct.get("nat").get("actions")).isEmpty();
        assertThat(secondsLeft(direct)).as("the 600 s it asked for").isGreaterThan(500L);
    }

    @Test
    @Order(2)
    void callsBetweenTwoSymmetricNatsAreSetUpAndTornDownBothWays() {
        call(ph1, ph2, "1002");
        call(ph2, ph1, "1001");
        call(pub, ph1, "1001");
    }

    @Test
    @Order(3)
    void afterItsMappingIsDroppedAPhoneIsReachedAgainOnceItRegistersFromItsNewPort() throws Exception {
        String before = registration("1001").get("source").asText();
        try (EventClient events = EventClient.connect(pbx.baseUrl(), "token=" + pbx.api().token(), null)) {
            assertThat(LAB.dropUdpMappings(1, 5060)).as("NAT 1 had the phone's SIP mapping").isPositive();

            // The next REGISTER (within nat.udpExpires) leaves through a fresh random mapping.
            await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500))
                    .until(() -> !registration("1001").get("source").asText().equals(before));
            JsonNode after = registration("1001");
            assertThat(after.get("source").asText()).startsWith(NatLab.natAddress(1) + ":");
            assertThat(signs(after.get("nat"))).contains("MAPPING_CHANGED");
            assertThat(after.get("nat").get("kind").asText()).isEqualTo("NAT_PORT_CHANGING");
            // The event stream said so too.
            await().atMost(WAIT).until(() -> events.frames().stream()
                    .filter(f -> f.path("type").asText().equals("registration.refreshed"))
                    .map(f -> f.get("registration"))
                    .anyMatch(r -> r.get("aor").asText().startsWith("sip:1001@")
                            && signs(r.get("nat")).contains("MAPPING_CHANGED")));
        }

        call(ph2, ph1, "1001");
    }

    @Test
    @Order(4)
    void theAdminDashboardShowsEachPhonesNatAndThatItsCallsAreAnchored() {
        try (Browser browser = Browser.start()) {
            String base = pbx.baseUrl();
            browser.open(base + "/");
            browser.forgetCookies();
            browser.open(base + "/");
            browser.click("#login-kind-admin");
            browser.type("#login-username", "admin");
            browser.type("#login-password", LabAppliance.ADMIN_PASSWORD);
            browser.click("#login-submit");
            await().atMost(WAIT).until(() -> browser.currentUrl().startsWith(base + "/admin/"));
            browser.click("#nav-live");
            String nat = "#live-registrations-table tr[data-extension='%s'] td.nat";
            browser.awaitTextContains(nat.formatted("1001"), "symmetric NAT (ports change), anchored");
            browser.awaitTextContains(nat.formatted("1002"), "symmetric NAT (ports change), anchored");
            browser.awaitText(nat.formatted("1003"), "no NAT, not anchored");

            // A call between the two NATed phones: relayed, and the Media column says so.
            ph1.clearEvents();
            ph2.clearEvents();
            ph1.dial(LabAppliance.uri("1002"));
            ph2.awaitEvent("CALL_ESTABLISHED", WAIT);
            browser.awaitElement("#live-calls-table td.media[data-route='RELAYED']");
            assertThat(browser.attribute("#live-calls-table td.media", "title"))
                    .startsWith("anchored: relayed through the appliance; 1001 behind NAT");
            ph1.hangup();
            ph2.awaitEvent("CALL_CLOSED", WAIT);
        }
    }

    private static void call(BaresipPhone caller, BaresipPhone callee, String calleeExtension) {
        caller.clearEvents();
        callee.clearEvents();
        caller.dial(LabAppliance.uri(calleeExtension));
        caller.awaitEvent("CALL_ESTABLISHED", WAIT);
        callee.awaitEvent("CALL_ESTABLISHED", WAIT);
        caller.hangup();
        caller.awaitEvent("CALL_CLOSED", WAIT);
        callee.awaitEvent("CALL_CLOSED", WAIT);
    }

    private static BaresipPhone phone(String extension, String role, String address) {
        return BaresipPhone.builder(LabAppliance.uri(extension)).name(role).password(LabAppliance.PASSWORD)
                .namespace(LAB.namespace(role), address).sipPort(5060).regint(600)
                .maxLifetime(Duration.ofMinutes(5)).start();
    }

    static JsonNode registration(String extension) {
        return registrationIn(pbx, extension);
    }

    /** The registration of {@code extension} at {@code appliance}, as its API shows it. */
    static JsonNode registrationIn(LabAppliance appliance, String extension) {
        for (JsonNode r : appliance.api().get("/tenants/" + appliance.tenantId() + "/registrations")) {
            if (r.get("aor").asText().startsWith("sip:" + extension + "@")) {
                return r;
            }
        }
        throw new AssertionError("no registration of " + extension);
    }

    private static long secondsLeft(JsonNode registration) {
        return Duration.between(java.time.Instant.now(), java.time.Instant.parse(registration.get("expiresAt").asText()))
                .toSeconds();
    }

    static List<String> signs(JsonNode nat) {
        List<String> out = new ArrayList<>();
        nat.get("evidence").forEach(e -> out.add(e.get("sign").asText()));
        return out;
    }

    private static List<String> texts(JsonNode nat) {
        List<String> out = new ArrayList<>();
        nat.get("evidence").forEach(e -> out.add(e.get("text").asText()));
        return out;
    }

    static List<String> actionsOf(JsonNode registration) {
        return actions(registration.get("nat"));
    }

    private static List<String> actions(JsonNode nat) {
        List<String> out = new ArrayList<>();
        nat.get("actions").forEach(a -> out.add(a.asText()));
        return out;
    }
}
