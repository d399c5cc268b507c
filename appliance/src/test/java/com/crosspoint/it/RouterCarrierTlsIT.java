package com.crosspoint.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.proxy.core.ProxyCounters;
import com.crosspoint.testing.HarnessFiles;
import com.crosspoint.testing.SippResult;
import com.crosspoint.testing.TlsTestKeys;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Carriers over TLS ({@code transport: TLS}; {@code router.tls.trustStore}, {@code verifyHostname}): the router opens
 * TLS connections itself, checks each carrier's certificate against its trust store and host name, and a carrier
 * that fails the check gets no call: the call fails over to the next carrier at once (a transport error,
 * {@link RouterCarrierTransportErrorIT}). Three carriers in price order, each a Java TLS UAS: the cheapest shows a
 * certificate the router does not trust, the next a trusted certificate that does not name 127.0.0.1, the dearest a
 * trusted certificate for 127.0.0.1. Two calls from the customer (SIPp over UDP) both end at the dearest, over one
 * reused TLS connection.
 */
class RouterCarrierTlsIT {
    private static final Duration TALK = Duration.ofMillis(300);

    @Test
    void aCarrierWithAnUntrustedOrMisnamedCertificateIsSkippedAndTheCallGoesOverTlsToTheNext() throws Exception {
        Path dir = HarnessFiles.tempDir("router-carrier-tls");
        Path untrusted = TlsTestKeys.keystore(dir, "ip:127.0.0.1");
        Path misnamed = TlsTestKeys.keystore(dir, "dns:carrier.example");
        Path good = TlsTestKeys.keystore(dir, "ip:127.0.0.1");
        Path trust = TlsTestKeys.trustStore(dir, misnamed, good);
        try (RouterHarness router = RouterHarness.start(Map.of("router.tls.trustStore", trust.toString(),
                "router.tls.trustStorePassword", TlsTestKeys.PASSWORD, "router.tls.verifyHostname", "true"));
             TlsSipCarrier cheap = new TlsSipCarrier(TlsTestKeys.server(untrusted), "untrusted");
             TlsSipCarrier middle = new TlsSipCarrier(TlsTestKeys.server(misnamed), "misnamed");
             TlsSipCarrier dear = new TlsSipCarrier(TlsTestKeys.server(good), "good")) {
            router.carrier(tls("Untrusted", cheap), "1", "0.0100");
            router.carrier(tls("Misnamed", middle), "1", "0.0150");
            router.carrier(tls("Good", dear), "1", "0.0200");
            ProxyHarness.awaitUdpStarted();

            SippResult calls = router.call("router-carrier-tls", 2, 1, TALK, "127.0.0.1");

            assertThat(calls.allSucceeded()).as(calls.summary()).isTrue();
            assertThat(dear.requests()).as("INVITE, ACK and BYE of both calls, over TLS from the router")
                    .hasSize(6).allSatisfy(r -> assertThat(r).contains("| SIP/2.0/TLS 127.0.0.1:"));
            assertThat(dear.requests()).filteredOn(r -> r.startsWith("INVITE ")).hasSize(2);
            assertThat(dear.connections()).as("one connection, reused for every request").isEqualTo(1);
            assertThat(cheap.requests()).as("nothing sent past a refused certificate").isEmpty();
            assertThat(middle.requests()).isEmpty();
            assertThat(cheap.failedHandshakes()).as("a handshake per call, each refused").isEqualTo(2);
            assertThat(middle.failedHandshakes()).isEqualTo(2);
            ProxyCounters counters = router.node().appliance().routerProxy().counters();
            assertThat(counters.failovers()).as("two carriers skipped per call").isEqualTo(4);
        }
    }

    private static String tls(String name, TlsSipCarrier carrier) {
        return "{\"name\":\"" + name + "\",\"host\":\"127.0.0.1\",\"port\":" + carrier.port()
                + ",\"transport\":\"TLS\"}";
    }
}
