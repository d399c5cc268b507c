package com.crosspoint.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crosspoint.api.HttpJson;
import com.crosspoint.proxy.wire.ScanOutcome;
import com.crosspoint.testing.FreePorts;
import com.crosspoint.testing.SippProcess;
import com.crosspoint.testing.SippResult;
import com.crosspoint.testing.SippRunner;
import com.crosspoint.testing.TestAppliance;
import com.crosspoint.testing.TortureClient;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bad input against the media gateway's port on a node running only the gateway: the RFC 4475 corpus and garbage
 * over UDP and TCP are refused with the right 4xx or dropped and never reach a PBX node malformed (two plain sockets
 * stand in for a DID's primary and backup), and a carrier's real call to another DID still reaches its SIPp PBX.
 * A source not in {@code gateway.carriers} gets 403 for a call and for a pre-loaded Route (no relaying), counted, and
 * {@code /metrics} shows the gateway's spans, PBX nodes and refusals.
 */
class GatewayTortureIT {
    /** A DID whose PBX nodes are the spies. */
    private static final String SPIED = "+16465550100";
    /** A DID served by the SIPp PBX node. */
    private static final String REAL = "+12125550100";

    @Test
    void tortureAndGarbageAreRefusedOrDroppedNeverForwardedMalformedAndCallsGoOn() throws IOException {
        int pbxPort = FreePorts.udpAndTcp();
        int backupPort = FreePorts.udpAndTcp();
        try (DatagramSocket primary = spy();
             DatagramSocket backup = spy();
             SippProcess pbx = SippRunner.scenarioFile(RouterHarness.filled("sipp/gateway-pbx.xml",
                             Map.of("__USER__", REAL.replace("+", "\\+"), "__NODE__", "primary")))
                     .name("gw-torture-pbx").localPort(pbxPort).calls(1).timeout(Duration.ofSeconds(120)).start();
             TestAppliance gateway = TestAppliance.start(Map.of("node.roles", "gateway", "gateway.port", "0",
                     "gateway.dids", "+1646555=127.0.0.1:" + primary.getLocalPort() + "|127.0.0.1:"
                             + backup.getLocalPort() + ",+1212555=127.0.0.1:" + pbxPort + "|127.0.0.1:" + backupPort,
                     "gateway.probeSeconds", "0", "gateway.silenceMillis", "600",
                     "gateway.carriers", "127.0.0.1,127.0.0.2,127.0.0.3"));
             TortureClient client = new TortureClient("127.0.0.1", gateway.appliance().gatewayPort())) {
            int port = gateway.appliance().gatewayPort();
            EdgeTorture torture = new EdgeTorture(port, SPIED, List.of(primary, backup));

            torture.everything(client);

            assertThat(torture.problems()).isEmpty();
            assertThat(torture.routableValidInvites()).isPositive();
            assertThat(torture.forwardedCallIds()).as("valid INVITEs for a DID reached its PBX nodes").isNotEmpty();
            assertThat(gateway.appliance().gatewayProxy().counters().refusals())
                    .containsKey(ScanOutcome.TOO_MANY_HEADERS).containsKey(ScanOutcome.DUPLICATE_HEADER);

            ProxyHarness.awaitUdpStarted();
            SippResult call = SippRunner.scenarioFile(RouterHarness.filled("sipp/gateway-carrier.xml",
                            Map.of("__NODE__", "primary"))).name("gw-torture-carrier").remote("127.0.0.1", port)
                    .calls(1).callDuration(Duration.ofMillis(200)).timeout(Duration.ofSeconds(30)).args("-s", REAL)
                    .run();
            assertThat(call.allSucceeded()).as(call.summary()).isTrue();
            assertThat(pbx.await().allSucceeded()).isTrue();
        }
    }

    @Test
    void onlyTheCarriersMaySendCallsOrRouteAndTheGatewaysMetricsShowItsSpansNodesAndRefusals() throws IOException {
        try (DatagramSocket primary = spy();
             DatagramSocket backup = spy();
             DatagramSocket stranger = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.9"), 0));
             TestAppliance gateway = TestAppliance.start(Map.of("node.roles", "gateway", "gateway.port", "0",
                     "gateway.dids", "+1646555=127.0.0.1:" + primary.getLocalPort() + "|127.0.0.1:"
                             + backup.getLocalPort(), "gateway.spans", "2", "gateway.probeSeconds", "0",
                     "gateway.carriers", "127.0.0.1"))) {
            InetSocketAddress to = new InetSocketAddress("127.0.0.1", gateway.appliance().gatewayPort());
            // addressed to the gateway as a carrier's call is, so its routing step (not the relay check) refuses it
            String invite = "INVITE sip:" + SPIED + "@127.0.0.1:" + to.getPort() + " SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.9:"
                    + stranger.getLocalPort() + ";rport;branch=z9hG4bK-gs1\r\nMax-Forwards: 70\r\n"
                    + "From: <sip:c@127.0.0.9>;tag=1\r\nTo: <sip:" + SPIED + "@127.0.0.1>\r\nCall-ID: gs1\r\n"
                    + "CSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n";
            assertThat(exchange(stranger, invite, to)).startsWith("SIP/2.0 403");
            String routed = invite.replace("gs1", "gs2").replace("Max-Forwards: 70\r\n",
                    "Route: <sip:127.0.0.1:" + primary.getLocalPort() + ";lr>\r\nMax-Forwards: 70\r\n");
            assertThat(exchange(stranger, routed, to)).startsWith("SIP/2.0 403");
            primary.setSoTimeout(300);
            assertThatThrownBy(() -> primary.receive(new DatagramPacket(new byte[2048], 2048)))
                    .as("nothing reached the PBX node").isInstanceOf(SocketTimeoutException.class);

            HttpJson http = new HttpJson("http://127.0.0.1:" + gateway.appliance().httpPort());
            String admin = http.login("admin", "admin-secret");
            assertThat(RouterHarness.metric(http, admin, "crosspoint_gateway_refused_stranger_total")).isEqualTo(1.0);
            assertThat(RouterHarness.metric(http, admin, "crosspoint_gateway_proxy_refused_total")).isEqualTo(2.0);
            assertThat(RouterHarness.metric(http, admin, "crosspoint_gateway_span_in_use{span=\"1\"}")).isZero();
            assertThat(RouterHarness.metric(http, admin, "crosspoint_gateway_span_seized_total{span=\"0\"}")).isZero();
            assertThat(RouterHarness.metric(http, admin, "crosspoint_gateway_trunk_full_total")).isZero();
            assertThat(RouterHarness.metric(http, admin, "crosspoint_gateway_pbx_up{node=\"127.0.0.1:"
                    + primary.getLocalPort() + "\"}")).isEqualTo(1.0);
        }
    }

    /** Sends a request and returns the first final answer. */
    private static String exchange(DatagramSocket socket, String request, InetSocketAddress to) throws IOException {
        byte[] b = request.getBytes(StandardCharsets.US_ASCII);
        socket.send(new DatagramPacket(b, b.length, to));
        return RouterTortureIT.receiveAll(socket, 1, Duration.ofSeconds(3)).get(0);
    }

    private static DatagramSocket spy() throws IOException {
        return new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }
}
