package com.crosspoint.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.testing.AdminApi;
import com.crosspoint.testing.ApplianceProcess;
import com.crosspoint.testing.BaresipPhone;
import com.crosspoint.testing.FreePorts;
import com.crosspoint.testing.HarnessFiles;
import com.crosspoint.testing.SippResult;
import com.crosspoint.testing.SippRunner;
import com.crosspoint.testing.TestAppliance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The media gateway in front of real PBX nodes (issue 12, "Gateway: the primary PBX is killed; calls for its DIDs
 * reach the backup within 5 s"): two Crosspoint nodes running only the PBX (the primary in its own JVM, so that it
 * can be killed; the backup in this one, which starts faster), with the DID's user provisioned on both over REST and a baresip phone registered to each; a gateway node; a SIPp carrier. The carrier's
 * call rings the phone on the primary; after the primary is killed with SIGKILL, the next call rings the phone on
 * the backup within 5 s.
 */
class GatewayPbxIT {
    private static final String DID = "+16465557700";
    private static final String EXTENSION = "2001";
    private static final String SIP_PASSWORD = "pw-dana-2001";
    private static final String ADMIN_PASSWORD = "admin-secret";
    private static final String DEMO_PASSWORD = "demo-pw-4321";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void aCarrierCallRingsTheUserOnThePrimaryAndAfterItIsKilledOnTheBackupWithinFiveSeconds() throws Exception {
        int gatewayPort = FreePorts.udpAndTcp();
        // the primary's JVM starts while the backup and the gateway start in this one
        CompletableFuture<ApplianceProcess> starting = CompletableFuture.supplyAsync(() -> primary(gatewayPort));
        try (TestAppliance backup = backupOrStop(gatewayPort, starting);
             ApplianceProcess primary = starting.join();
             TestAppliance gateway = TestAppliance.start(Map.of("node.roles", "gateway",
                     "gateway.port", Integer.toString(gatewayPort), "gateway.carriers", "127.0.0.1",
                     "gateway.dids", "+1646555=127.0.0.1:" + primary.sipPort() + "|127.0.0.1:" + backup.sipPort(),
                     "gateway.probeSeconds", "1", "gateway.silenceMillis", "1000"));
             BaresipPhone onPrimary = phone(primary.sipPort());
             BaresipPhone onBackup = phone(backup.sipPort());
             BaresipPhone bystander = BaresipPhone.builder("sip:1001@127.0.0.1:" + primary.sipPort())
                     .password(DEMO_PASSWORD).start()) {
            onPrimary.awaitRegistered(WAIT);
            onBackup.awaitRegistered(WAIT);
            bystander.awaitRegistered(WAIT);

            SippResult before = carrierCall("gw-pbx-carrier-before", gateway);
            assertThat(before.allSucceeded()).as(before.summary()).isTrue();
            onPrimary.awaitEvent("CALL_ESTABLISHED", WAIT);
            assertThat(bystander.events()).as("the DID's user rang, not another one on its node")
                    .noneMatch(e -> e.isType("CALL_INCOMING") || e.isType("CALL_ESTABLISHED"));
            assertThat(onBackup.events()).as("the backup's phone stayed quiet")
                    .noneMatch(e -> e.isType("CALL_INCOMING") || e.isType("CALL_ESTABLISHED"));

            primary.killHard();
            long killed = System.nanoTime();
            SippResult after = carrierCall("gw-pbx-carrier-after", gateway);
            onBackup.awaitEvent("CALL_ESTABLISHED", WAIT);
            Duration toBackup = Duration.ofNanos(System.nanoTime() - killed);

            assertThat(after.allSucceeded()).as("the call after the kill was answered on the backup: "
                    + after.summary()).isTrue();
            assertThat(toBackup).as("primary killed -> the backup's phone answered").isLessThan(Duration.ofSeconds(5));
            SippResult again = carrierCall("gw-pbx-carrier-again", gateway);
            assertThat(again.allSucceeded()).as(again.summary()).isTrue();
            assertThat(onBackup.events()).filteredOn(e -> e.isType("CALL_ESTABLISHED")).hasSize(2);
        }
    }

    /** The primary: a node in its own JVM (to be killed) running only the PBX, whose trunk server is the gateway. */
    private static ApplianceProcess primary(int gatewayPort) {
        try {
            Path dir = HarnessFiles.tempDir("gw-pbx-primary");
            Path config = Files.writeString(dir.resolve("pbx.yaml"), """
                    node:
                      roles: [pbx]
                    trunk:
                      routers: ["127.0.0.1:%d"]
                      probeSeconds: 0
                    """.formatted(gatewayPort));
            int httpPort = FreePorts.udpAndTcp();
            ApplianceProcess node = ApplianceProcess.start(dir.resolve("data"), FreePorts.udpAndTcp(), httpPort,
                    Map.of("CROSSPOINT_ADMIN_PASSWORD", ADMIN_PASSWORD, "CROSSPOINT_DEMO_PASSWORD", DEMO_PASSWORD),
                    List.of("--config", config.toString()));
            try {
                provision(new AdminApi(httpPort, "admin", ADMIN_PASSWORD), "demo.crosspoint.local");
                return node;
            } catch (RuntimeException e) {
                node.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The backup; when it does not start, the primary is stopped as soon as it has started. */
    private static TestAppliance backupOrStop(int gatewayPort, CompletableFuture<ApplianceProcess> primary) {
        try {
            return backup(gatewayPort);
        } catch (RuntimeException e) {
            primary.thenAccept(ApplianceProcess::close);
            throw e;
        }
    }

    /** The backup: a node in this JVM running only the PBX, whose trunk server is the gateway. */
    private static TestAppliance backup(int gatewayPort) {
        TestAppliance node = TestAppliance.start(Map.of("node.roles", "pbx",
                "trunk.routers", "127.0.0.1:" + gatewayPort, "trunk.probeSeconds", "0"));
        try {
            provision(new AdminApi(node.appliance().httpPort(), "admin", ADMIN_PASSWORD), TestAppliance.DOMAIN);
            return node;
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
    }

    /** User {@value #EXTENSION} (device password {@value #SIP_PASSWORD}) owning the DID, made over REST. */
    private static void provision(AdminApi api, String domain) {
        long tenant = api.tenantId(domain);
        long user = api.post("/tenants/" + tenant + "/users", "{\"extension\":\"" + EXTENSION
                + "\",\"displayName\":\"Dana\"}").get("id").asLong();
        api.post("/tenants/" + tenant + "/users/" + user + "/devices", "{\"password\":\"" + SIP_PASSWORD + "\"}");
        api.post("/tenants/" + tenant + "/dids", "{\"number\":\"" + DID + "\",\"extension\":\"" + EXTENSION
                + "\"}");
    }

    private static BaresipPhone phone(int pbxSipPort) {
        return BaresipPhone.builder("sip:" + EXTENSION + "@127.0.0.1:" + pbxSipPort).password(SIP_PASSWORD)
                .answerMode(BaresipPhone.AnswerMode.AUTO).start();
    }

    /** The carrier calls the DID through the gateway, talks 300 ms and hangs up. */
    private static SippResult carrierCall(String name, TestAppliance gateway) {
        return SippRunner.scenario("sipp/proxy-uac.xml").name(name).remote("127.0.0.1", gateway.appliance()
                        .gatewayPort()).calls(1).callDuration(Duration.ofMillis(300)).timeout(Duration.ofSeconds(30))
                .args("-s", DID).run();
    }
}
