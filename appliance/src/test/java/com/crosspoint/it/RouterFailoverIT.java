package com.crosspoint.it;

import static com.crosspoint.it.RouterHarness.NUMBER;
import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.api.CarrierEdgeClient;
import com.crosspoint.api.HttpJson;
import com.crosspoint.model.Did;
import com.crosspoint.testing.ApplianceProcess;
import com.crosspoint.testing.FreePorts;
import com.crosspoint.testing.SippProcess;
import com.crosspoint.testing.SippResult;
import com.crosspoint.testing.SippRunner;
import com.crosspoint.testing.SippUser;
import com.crosspoint.testing.TestAppliance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two call routers in front of one SIPp carrier: the primary in its own JVM (a router-only node, as a carrier
 * deploys it), the secondary in this one; a PBX node (the PBX role only) hunts them. The primary is killed with
 * SIGKILL while calls run; calls placed afterwards all reach the carrier through the secondary.
 */
class RouterFailoverIT {
    private static final SippUser CALLER = SippUser.caller("1001", "pw-caller-1001", "6175551234");

    @Test
    void callsAfterTheRouterIsKilledGoThroughTheSecondary() throws Exception {
        int carrierPort = FreePorts.udpAndTcp();
        int primaryPort = FreePorts.udpAndTcp();
        int primaryHttp = FreePorts.udpAndTcp();
        Path data = Files.createTempDirectory("crosspoint-router").resolve("data");
        Path config = Files.writeString(data.getParent().resolve("router.yaml"), """
                node:
                  roles: [router]
                router:
                  customers: ["127.0.0.1"]
                  probeSeconds: 0
                  silenceMillis: 600
                """);
        // the carrier outlives the start of three nodes (SIPp's timeout counts from its own start): on a busy box the
        // primary alone took 25 s to start, and a 30 s carrier was gone before the last calls
        try (SippProcess carrier = RouterHarness.answering("failover-carrier", carrierPort, NUMBER, 1000,
                Duration.ofSeconds(150));
             ApplianceProcess primary = ApplianceProcess.start(data, FreePorts.udpAndTcp(), primaryHttp,
                     Map.of("CROSSPOINT_ROUTER_PORT", Integer.toString(primaryPort),
                             "CROSSPOINT_ADMIN_PASSWORD", "admin-secret"), List.of("--config", config.toString()));
             RouterHarness secondary = RouterHarness.start(Map.of());
             TestAppliance pbx = TestAppliance.start(Map.of("node.roles", "pbx",
                     "trunk.routers", "127.0.0.1:" + primaryPort + ",127.0.0.1:" + secondary.port(),
                     "trunk.probeSeconds", "0", "trunk.responseTimeoutSeconds", "1"))) {
            HttpJson http = new HttpJson("http://127.0.0.1:" + primaryHttp);
            String admin = http.login("admin", "admin-secret");
            HttpJson.Res created = http.post("/api/v1/carriers", admin, "{\"name\":\"Carrier\",\"host\":\"127.0.0.1\","
                    + "\"port\":" + carrierPort + "}");
            assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
            new CarrierEdgeClient(http, admin).importDeck(created.body().get("id").asLong(),
                    "prefix,rate,effective_from\n1,0.01,2020-01-01\n");
            long secondaryCarrier = secondary.carrier("Carrier", carrierPort, "0.0100", "", 0);
            var user = pbx.user("1001", "Caller", "pw-caller-1001");
            pbx.appliance().stores().dids().create(new Did(0, pbx.tenant().id(), "+16465550100", user.extension(),
                    false));

            SippResult before = calls(pbx, "failover-before", 4);
            assertThat(before.allSucceeded()).as("both routers carry calls: " + before.summary()).isTrue();

            SippProcess during = SippRunner.scenario("sipp/uac-call.xml").name("failover-during")
                    .remote("127.0.0.1", pbx.sipPort()).users(List.of(CALLER)).calls(6).rate(4)
                    .callDuration(Duration.ofMillis(300)).timeout(Duration.ofSeconds(40)).start();
            Thread.sleep(700);
            primary.killHard();
            during.await(); // calls the primary held may fail (their BYE went to it); what follows must not

            long throughSecondary = secondary.started(secondaryCarrier);
            SippResult after = calls(pbx, "failover-after", 6);
            assertThat(after.allSucceeded()).as("new calls after the kill: " + after.summary()).isTrue();
            assertThat(secondary.started(secondaryCarrier) - throughSecondary).isEqualTo(6);
        }
    }

    private static SippResult calls(TestAppliance pbx, String name, int calls) {
        return SippRunner.scenario("sipp/uac-call.xml").name(name).remote("127.0.0.1", pbx.sipPort())
                .users(List.of(CALLER)).calls(calls).rate(4).callDuration(Duration.ofMillis(300))
                .timeout(Duration.ofSeconds(40)).run();
    }
}
