package com.crosspoint.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.acr.AttemptTotals;
import com.crosspoint.proxy.core.ProxyCounters;
import com.crosspoint.testing.HarnessFiles;
import com.crosspoint.testing.SippProcess;
import com.crosspoint.testing.SippResult;
import com.crosspoint.testing.SippRunner;
import com.crosspoint.testing.TlsTestKeys;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A carrier the router cannot reach fails over at once, not when {@code router.silenceMillis} runs out: a TLS
 * handshake refused (the carrier's certificate is not trusted) or a TCP connect refused (a closed port) is a transport
 * error of the INVITE's branch (RFC 3261 §8.1.3.1), counted as that carrier's 503. Three carriers in price order: a
 * TLS carrier with an untrusted certificate, a TCP carrier on a closed port, and a good TLS carrier; with 30 s of
 * silence allowed, the good carrier has the INVITE within 5 s, and both failures count against their carriers.
 */
class RouterCarrierTransportErrorIT {
    private static final Duration TALK = Duration.ofMillis(300);
    private static final Duration WELL_BEFORE_SILENCE = Duration.ofSeconds(5);

    @Test
    void refusedHandshakeAndRefusedConnectFailOverAtOnceAndCountAsCarrierFailures() throws Exception {
        Path dir = HarnessFiles.tempDir("router-carrier-transport-error");
        Path untrusted = TlsTestKeys.keystore(dir, "ip:127.0.0.1");
        Path good = TlsTestKeys.keystore(dir, "ip:127.0.0.1");
        Path trust = TlsTestKeys.trustStore(dir, good);
        int closedPort = closedPort();
        try (RouterHarness router = RouterHarness.start(Map.of("router.silenceMillis", "30000",
                "router.tls.trustStore", trust.toString(), "router.tls.trustStorePassword", TlsTestKeys.PASSWORD));
             TlsSipCarrier refused = new TlsSipCarrier(TlsTestKeys.server(untrusted), "untrusted");
             TlsSipCarrier dear = new TlsSipCarrier(TlsTestKeys.server(good), "good")) {
            long refusedId = router.carrier(carrier("Untrusted", refused.port(), "TLS"), "1", "0.0100");
            long closedId = router.carrier(carrier("Closed", closedPort, "TCP"), "1", "0.0150");
            long dearId = router.carrier(carrier("Good", dear.port(), "TLS"), "1", "0.0200");
            ProxyHarness.awaitUdpStarted();

            try (SippProcess call = SippRunner.scenario("sipp/proxy-uac.xml").name("router-carrier-transport-error")
                    .remote("127.0.0.1", router.port()).calls(1).rate(1).callDuration(TALK)
                    .timeout(RouterHarness.TIMEOUT).args("-s", RouterHarness.NUMBER, "-i", "127.0.0.1").start()) {
                await().atMost(WELL_BEFORE_SILENCE).until(() -> dear.requests().stream()
                        .anyMatch(r -> r.startsWith("INVITE ")));
                SippResult result = call.await();
                assertThat(result.allSucceeded()).as(result.summary()).isTrue();
            }

            assertThat(refused.failedHandshakes()).as("the untrusted certificate was refused").isEqualTo(1);
            assertThat(refused.requests()).as("nothing sent past a refused certificate").isEmpty();
            AttemptTotals totals = router.node().appliance().callRouter().totals();
            assertThat(totals.of(refusedId).failed()).as("the refused handshake counts as a failure").isEqualTo(1);
            assertThat(totals.of(closedId).failed()).as("the refused connect counts as a failure").isEqualTo(1);
            assertThat(totals.of(dearId).answered()).isEqualTo(1);
            ProxyCounters counters = router.node().appliance().routerProxy().counters();
            assertThat(counters.transportErrors()).as("both branches ended by a transport error").isEqualTo(2);
            assertThat(counters.silentBranches()).as("no branch waited for the silence to run out").isZero();
            assertThat(counters.failovers()).isEqualTo(2);
            assertThat(router.metric("crosspoint_router_proxy_transport_errors_total")).isEqualTo(2.0);
        }
    }

    /** A loopback port nothing listens on (bound, then freed): a connect there is refused. */
    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    private static String carrier(String name, int port, String transport) {
        return "{\"name\":\"" + name + "\",\"host\":\"127.0.0.1\",\"port\":" + port + ",\"transport\":\"" + transport
                + "\"}";
    }
}
