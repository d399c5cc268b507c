package com.crosspoint.it;

import static com.crosspoint.it.SipText.readMessage;
import static com.crosspoint.it.SipText.send;
import static com.crosspoint.it.SipText.uriOf;
import static com.crosspoint.it.SipText.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.proxy.Proxy;
import com.crosspoint.testing.FreePorts;
import com.crosspoint.testing.HarnessFiles;
import com.crosspoint.testing.SippProcess;
import com.crosspoint.testing.SippRunner;
import com.crosspoint.testing.TlsTestKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

/**
 * SIP over TLS on the call router's own listener ({@code router.tls.*}): a customer (a Java TLS client standing in
 * for a PBX node) calls over TLS, the call leaves over UDP to a SIPp carrier, the router record-routes twice (its TLS
 * side and its UDP side), the ACK follows that route, and the carrier's BYE comes back over the customer's TLS
 * connection. Plain text, oversize messages and a flood of silent connections on the TLS port are cut off without
 * stopping the call; the RFC 4475 corpus over TLS is refused or dropped, never forwarded malformed, and the router
 * routes the next call over TLS.
 */
class RouterTlsIT {
    /** A number only the SIPp carrier has a rate for. */
    private static final String NUMBER = "+442079460000";
    /** A number the spy carrier (a socket that never answers) has a rate for. */
    private static final String SPIED = "+15550001234";
    private static final int WAIT_MS = 15_000;

    @Test
    void aCallOverTlsLeavesOverUdpIsRecordRoutedTwiceAndTheCarriersByeComesBackOverTls() throws Exception {
        Path keystore = TlsTestKeys.keystore(HarnessFiles.tempDir("router-tls"));
        int carrierPort = FreePorts.udpAndTcp();
        try (RouterHarness router = RouterHarness.start(Map.of("router.tls.keystore", keystore.toString(),
                "router.tls.keystorePassword", TlsTestKeys.PASSWORD, "router.tls.port", "0"));
             SippProcess carrier = SippRunner.scenario("sipp/router-carrier-hangs-up.xml").name("router-tls-carrier")
                     .localPort(carrierPort).calls(1).callDuration(Duration.ofMillis(500)).timeout(RouterHarness.TIMEOUT)
                     .args("-i", "127.0.0.5").start()) {
            router.carrier("Udp", "127.0.0.5", carrierPort, "44", "0.0200");
            Proxy proxy = router.node().appliance().routerProxy();
            int tls = proxy.tlsPort();
            assertThat(tls).isPositive().isNotEqualTo(router.port());

            badClients(proxy, tls);

            try (SSLSocket caller = TlsTestKeys.connect("127.0.0.1", tls, WAIT_MS)) {
                int local = caller.getLocalPort();
                OutputStream out = caller.getOutputStream();
                InputStream in = caller.getInputStream();
                String from = "From: <sip:pbx@127.0.0.1>;tag=tls-caller\r\n";
                String callId = "Call-ID: router-tls-1@127.0.0.1\r\n";
                send(out, invite(NUMBER, tls, local, "router-tls-1"));
                String ok = finalAnswer(in);
                assertThat(ok).startsWith("SIP/2.0 200");
                List<String> recordRoute = values(ok, "Record-Route");
                assertThat(recordRoute).as("both sides of the router, the carrier's (UDP) on top").containsExactly(
                        "<sip:127.0.0.1:" + router.port() + ";lr>", "<sip:127.0.0.1:" + tls + ";transport=tls;lr>");

                List<String> routeSet = new ArrayList<>(recordRoute);
                Collections.reverse(routeSet); // the caller's route set: its own side of the router first
                String to = values(ok, "To").get(0);
                send(out, "ACK " + uriOf(values(ok, "Contact").get(0)) + " SIP/2.0\r\n"
                        + "Via: SIP/2.0/TLS 127.0.0.1:" + local + ";rport;branch=z9hG4bK-tls-ack\r\n"
                        + "Route: " + String.join(", ", routeSet) + "\r\nMax-Forwards: 70\r\n" + from + "To: " + to
                        + "\r\n" + callId + "CSeq: 1 ACK\r\nContent-Length: 0\r\n\r\n");

                String bye = readMessage(in);
                assertThat(bye).as("the carrier's BYE, over the caller's TLS connection").startsWith("BYE sip:pbx@");
                StringBuilder answer = new StringBuilder("SIP/2.0 200 OK\r\n");
                for (String via : values(bye, "Via")) {
                    answer.append("Via: ").append(via).append("\r\n");
                }
                for (String h : List.of("From", "To", "Call-ID", "CSeq")) {
                    answer.append(h).append(": ").append(values(bye, h).get(0)).append("\r\n");
                }
                send(out, answer.append("Content-Length: 0\r\n\r\n").toString());
                assertThat(carrier.await().allSucceeded()).as("the carrier's call, BYE answered").isTrue();
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> proxy.openTlsConnections() == 0);
        }
    }

    @Test
    void theRfc4475CorpusAndOversizeStreamsOverTlsAreRefusedOrDroppedNeverForwardedMalformed() throws Exception {
        Path keystore = TlsTestKeys.keystore(HarnessFiles.tempDir("router-tls"));
        try (RouterHarness router = RouterHarness.start(Map.of("router.tls.keystore", keystore.toString(),
                "router.tls.keystorePassword", TlsTestKeys.PASSWORD, "router.tls.port", "0"));
             DatagramSocket spy = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            router.carrier("Spy", "127.0.0.1", spy.getLocalPort(), "1", "0.0100");
            Proxy proxy = router.node().appliance().routerProxy();
            EdgeTorture torture = EdgeTorture.overTls(router.port(), proxy.tlsPort(), SPIED, List.of(spy));

            torture.tcpCorpus();
            torture.tcpOversize();
            torture.finish();

            assertThat(torture.problems()).isEmpty();
            assertThat(proxy.counters().refusals()).isNotEmpty();
            try (SSLSocket caller = TlsTestKeys.connect("127.0.0.1", proxy.tlsPort(), WAIT_MS)) {
                send(caller.getOutputStream(), invite(SPIED, proxy.tlsPort(), caller.getLocalPort(), "after-torture"));
                assertThat(readMessage(caller.getInputStream())).startsWith("SIP/2.0 100");
                List<String> atCarrier = RouterTortureIT.receiveAll(spy, 1, Duration.ofSeconds(5));
                assertThat(atCarrier).as("the router still routes over TLS").singleElement()
                        .satisfies(m -> assertThat(m).startsWith("INVITE ").contains("after-torture")
                                .contains(";transport=tls;lr>"));
            }
        }
    }

    /** Plain text, an oversize message and 70 silent connections from one address: each cut off, bounded. */
    private static void badClients(Proxy proxy, int tls) throws IOException {
        try (Socket plain = new Socket(InetAddress.getLoopbackAddress(), tls)) {
            plain.setSoTimeout(WAIT_MS);
            send(plain.getOutputStream(), "OPTIONS sip:127.0.0.1 SIP/2.0\r\nContent-Length: 0\r\n\r\n");
            assertThat(plain.getInputStream().readAllBytes().length).as("at most an alert, then closed")
                    .isLessThan(100);
        }
        try (SSLSocket big = TlsTestKeys.connect("127.0.0.1", tls, WAIT_MS)) {
            send(big.getOutputStream(), "INVITE sip:" + NUMBER + "@127.0.0.1 SIP/2.0\r\nX-Big: "
                    + "x".repeat(70_000) + "\r\n\r\n");
            assertThat(big.getInputStream().read()).as("an oversize message breaks its connection").isEqualTo(-1);
        }
        List<Socket> flood = new ArrayList<>();
        try {
            for (int i = 0; i < 70; i++) {
                Socket s = new Socket(InetAddress.getLoopbackAddress(), tls);
                s.setSoTimeout(WAIT_MS);
                flood.add(s);
            }
            for (Socket s : flood.subList(64, 70)) {
                assertThat(s.getInputStream().read()).as("beyond 64 from one address: closed").isEqualTo(-1);
            }
            assertThat(proxy.openTlsConnections()).isLessThanOrEqualTo(64);
        } finally {
            for (Socket s : flood) {
                s.close();
            }
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> proxy.openTlsConnections() == 0);
    }

    /** A customer's INVITE for {@code number} over TLS from local port {@code local}. */
    private static String invite(String number, int tls, int local, String callId) {
        return "INVITE sip:" + number + "@127.0.0.1:" + tls + ";transport=tls SIP/2.0\r\n"
                + "Via: SIP/2.0/TLS 127.0.0.1:" + local + ";rport;branch=z9hG4bK-" + callId + "\r\n"
                + "Max-Forwards: 70\r\nFrom: <sip:pbx@127.0.0.1>;tag=tls-caller\r\nTo: <sip:" + number
                + "@127.0.0.1>\r\nCall-ID: " + callId + "@127.0.0.1\r\nCSeq: 1 INVITE\r\n"
                + "Contact: <sip:pbx@127.0.0.1:" + local + ";transport=tls>\r\nContent-Length: 0\r\n\r\n";
    }

    /** The first final response, provisional ones skipped. */
    private static String finalAnswer(InputStream in) throws IOException {
        String m;
        do {
            m = readMessage(in);
        } while (m.startsWith("SIP/2.0 1"));
        return m;
    }
}
