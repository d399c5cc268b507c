package com.crosspoint.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.api.HttpJson;
import com.crosspoint.model.Did;
import com.crosspoint.testing.BaresipPhone;
import com.crosspoint.testing.FreePorts;
import com.crosspoint.testing.HeardAudio;
import com.crosspoint.testing.SippProcess;
import com.crosspoint.testing.SippResult;
import com.crosspoint.testing.TestAppliance;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One node running the PBX and the call router (the default roles, no {@code trunk.routers}): a baresip phone dials a
 * North American number, the PBX sends it to its own router, the router to the cheapest carrier (SIPp playing a tone),
 * and the phone hears the tone.
 */
class RouterCallIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final double CARRIER_TONE = 1400;
    private static final String DID = "+16465550100";
    private static final String NUMBER = "+16175551234";

    @Test
    void aPhoneReachesACarrierThroughThePbxAndTheLocalRouterAndHearsItsTone() throws Exception {
        int carrierPort = FreePorts.udpAndTcp();
        try (TestAppliance node = TestAppliance.start(Map.of("router.port", "0", "router.probeSeconds", "0",
                "trunk.probeSeconds", "0", "trunk.responseTimeoutSeconds", "2"));
             SippProcess carrier = carrier(carrierPort)) {
            HttpJson http = new HttpJson("http://127.0.0.1:" + node.appliance().httpPort());
            String admin = http.login("admin", "admin-secret");
            HttpJson.Res created = http.post("/api/v1/carriers", admin, "{\"name\":\"Tone\",\"host\":\"127.0.0.1\","
                    + "\"port\":" + carrierPort + "}");
            assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
            long carrierId = created.body().get("id").asLong();
            new com.crosspoint.api.CarrierEdgeClient(http, admin).importDeck(carrierId,
                    "prefix,rate,effective_from\n1,0.01,2020-01-01\n");
            var user = node.user("1001", "Alice", "pw-alice-1001");
            node.appliance().stores().dids().create(new Did(0, node.tenant().id(), DID, user.extension(), false));
            try (BaresipPhone alice = BaresipPhone.builder(node.uri("1001")).password("pw-alice-1001").tone(700)
                    .start()) {
                alice.awaitRegistered(WAIT);
                alice.dial(node.uri("6175551234"));
                alice.awaitEvent("CALL_ESTABLISHED", WAIT);
                new HeardAudio(Map.of("T", CARRIER_TONE)).awaitHeard(alice, "alice hears the carrier's tone", WAIT,
                        windows -> windows.stream().filter(w -> w.containsTone(CARRIER_TONE)).count() >= 4);
                alice.hangup();
            }
            SippResult answered = carrier.await();
            assertThat(answered.allSucceeded()).as("number in E.164 and the DID presented: " + answered.summary())
                    .isTrue();
            assertThat(node.appliance().callRouter().totals().of(carrierId).answered()).isEqualTo(1);
            assertThat(node.appliance().routerProxy().core().trackedDialogs()).as("the BYE passed the router").isZero();
        }
    }

    private static SippProcess carrier(int port) throws Exception {
        return RouterHarness.toneCarrier("router-tone-carrier", port, NUMBER, DID, CARRIER_TONE, Duration.ofSeconds(45));
    }
}
