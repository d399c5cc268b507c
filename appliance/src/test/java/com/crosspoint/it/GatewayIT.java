package com.crosspoint.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.gateway.TrunkGroup;
import com.crosspoint.testing.FreePorts;
import com.crosspoint.testing.SippProcess;
import com.crosspoint.testing.SippResult;
import com.crosspoint.testing.SippRunner;
import com.crosspoint.testing.TestAppliance;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The media gateway role against real SIPp: a node running only the gateway, two SIPp PBX nodes behind it (the
 * DID's primary and backup), SIPp as the carrier in front. Killing the primary moves the DID's calls to the backup
 * within seconds (its silence fails over); a trunk of 2 spans carries 48 calls and refuses the 49th with 503.
 */
class GatewayIT {
    private static final String DID = "+16465550100";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration TALK = Duration.ofMillis(200);

    @Test
    void callsForADidReachTheBackupWithinFiveSecondsOfThePrimaryDying() {
        int primaryPort = FreePorts.udpAndTcp();
        int backupPort = FreePorts.udpAndTcp();
        try (SippProcess primary = pbx("gw-primary", primaryPort, "primary");
             SippProcess backup = pbx("gw-backup", backupPort, "backup");
             TestAppliance gateway = gateway(primaryPort, backupPort, Map.of())) {
            ProxyHarness.awaitUdpStarted();
            int port = gateway.appliance().gatewayPort();

            SippResult before = carrier("gw-carrier-primary", port, "primary", 2, TALK);
            assertThat(before.allSucceeded()).as("the primary takes the DID's calls: " + before.summary()).isTrue();

            primary.close();
            long killed = System.nanoTime();
            SippResult after = carrier("gw-carrier-backup", port, "backup", 1, TALK);
            Duration toBackup = Duration.ofNanos(System.nanoTime() - killed);

            assertThat(after.allSucceeded()).as("the first call after the kill reached the backup: " + after.summary())
                    .isTrue();
            assertThat(toBackup).as("primary killed -> call answered by the backup").isLessThan(Duration.ofSeconds(5));
            SippResult next = carrier("gw-carrier-backup-again", port, "backup", 2, TALK);
            assertThat(next.allSucceeded()).as(next.summary()).isTrue();
            await().atMost(Duration.ofSeconds(5)).until(() -> gateway.appliance().gatewayTrunk().inUse() == 0);
        }
    }

    @Test
    void twoSpansCarry48CallsAndRefuseThe49thWith503() {
        int primaryPort = FreePorts.udpAndTcp();
        int backupPort = FreePorts.udpAndTcp();
        int channels = 2 * TrunkGroup.CHANNELS_PER_SPAN;
        try (SippProcess primary = pbx("gw-busy-primary", primaryPort, "primary");
             SippProcess backup = pbx("gw-busy-backup", backupPort, "backup");
             TestAppliance gateway = gateway(primaryPort, backupPort, Map.of("gateway.spans", "2"))) {
            ProxyHarness.awaitUdpStarted();
            int port = gateway.appliance().gatewayPort();
            TrunkGroup trunk = gateway.appliance().gatewayTrunk();

            SippProcess held = SippRunner.scenarioFile(RouterHarness.filled("sipp/gateway-carrier.xml",
                            Map.of("__NODE__", "primary"))).name("gw-carrier-48").remote("127.0.0.1", port)
                    .calls(channels).rate(100).callDuration(Duration.ofSeconds(6)).timeout(TIMEOUT)
                    .args("-s", DID).start();
            try (held) {
                await().atMost(Duration.ofSeconds(10)).until(() -> trunk.inUse() == channels);

                SippResult refused = SippRunner.scenario("sipp/gateway-carrier-refused.xml").name("gw-carrier-49th")
                        .remote("127.0.0.1", port).calls(1).timeout(TIMEOUT).args("-s", DID).run();

                assertThat(refused.allSucceeded()).as("the 49th call got 503: " + refused.summary()).isTrue();
                assertThat(trunk.refused()).isEqualTo(1);
                assertThat(trunk.span(0).inUse()).isEqualTo(TrunkGroup.CHANNELS_PER_SPAN);
                assertThat(trunk.span(1).inUse()).isEqualTo(TrunkGroup.CHANNELS_PER_SPAN);
                SippResult carried = held.await();
                assertThat(carried.allSucceeded()).as(carried.summary()).isTrue();
                assertThat(carried.statistics().successfulCalls()).isEqualTo(channels);
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> trunk.inUse() == 0);
        }
    }

    private static TestAppliance gateway(int primaryPort, int backupPort, Map<String, String> overrides) {
        Map<String, String> o = new HashMap<>(Map.of("node.roles", "gateway", "gateway.port", "0",
                "gateway.dids", "+1646555=127.0.0.1:" + primaryPort + "|127.0.0.1:" + backupPort,
                // no OPTIONS checks: the SIPp PBX nodes take only INVITEs; the calls' silence finds the dead node
                "gateway.probeSeconds", "0", "gateway.silenceMillis", "1000", "gateway.carriers", "127.0.0.1"));
        o.putAll(overrides);
        return TestAppliance.start(o);
    }

    /** A SIPp PBX node answering the DID's calls as {@code node} until it is closed. */
    private static SippProcess pbx(String name, int port, String node) {
        return SippRunner.scenarioFile(RouterHarness.filled("sipp/gateway-pbx.xml",
                        Map.of("__USER__", DID.replace("+", "\\+"), "__NODE__", node)))
                .name(name).localPort(port).calls(1000).timeout(Duration.ofSeconds(120)).start();
    }

    /** The carrier: {@code calls} calls to the DID through the gateway, each of which must be answered by {@code node}. */
    private static SippResult carrier(String name, int port, String node, int calls, Duration talk) {
        return SippRunner.scenarioFile(RouterHarness.filled("sipp/gateway-carrier.xml", Map.of("__NODE__", node)))
                .name(name).remote("127.0.0.1", port).calls(calls).rate(10).callDuration(talk).timeout(TIMEOUT)
                .args("-s", DID).run();
    }
}
