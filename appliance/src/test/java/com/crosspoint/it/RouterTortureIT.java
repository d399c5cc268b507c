package com.crosspoint.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.proxy.core.ProxyCounters;
import com.crosspoint.proxy.wire.ScanOutcome;
import com.crosspoint.testing.FreePorts;
import com.crosspoint.testing.SippProcess;
import com.crosspoint.testing.SippResult;
import com.crosspoint.testing.SippRunner;
import com.crosspoint.testing.TortureClient;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bad input against the call router's port on a node running only the router: the RFC 4475 corpus and garbage over
 * UDP and TCP (refused with the right 4xx or dropped, never forwarded to a carrier malformed, real calls go on), a
 * flooding customer (its excess gets 503 + Retry-After, counted, while another customer's calls go through), and
 * strangers trying to use the router as a relay to a carrier that trusts its address.
 */
class RouterTortureIT {
    /** A number the spy carrier (a socket that never answers) has a rate for. */
    private static final String SPIED = "+15550001234";
    /** A number only the real (SIPp) carrier has a rate for. */
    private static final String REAL = "+442079460000";
    private static final Duration TALK = Duration.ofMillis(200);

    @Test
    void tortureAndGarbageAreRefusedOrDroppedNeverForwardedMalformedAndCallsGoOn() throws IOException {
        int realPort = FreePorts.udpAndTcp();
        // the torture client sends from 127.0.0.2+ (see TortureClient): those are customers too
        try (RouterHarness router = RouterHarness.start(Map.of("router.customers", "127.0.0.1,127.0.0.2,127.0.0.3"));
             DatagramSocket spy = socket("127.0.0.1");
             SippProcess real = RouterHarness.answering("router-torture-real", realPort, REAL, 1);
             TortureClient client = new TortureClient("127.0.0.1", router.port())) {
            router.carrier("Spy", "127.0.0.1", spy.getLocalPort(), "1", "0.0100");
            router.carrier("Real", "127.0.0.1", realPort, "44", "0.0200");
            EdgeTorture torture = new EdgeTorture(router.port(), SPIED, List.of(spy));

            torture.everything(client);

            assertThat(torture.problems()).isEmpty();
            assertThat(torture.routableValidInvites()).isPositive();
            assertThat(torture.forwardedCallIds()).as("valid INVITEs for a rated number reached the carrier")
                    .isNotEmpty();
            ProxyCounters counters = router.node().appliance().routerProxy().counters();
            assertThat(counters.refusals()).containsKey(ScanOutcome.TOO_MANY_HEADERS)
                    .containsKey(ScanOutcome.BAD_NAME_ADDR).containsKey(ScanOutcome.DUPLICATE_HEADER);

            ProxyHarness.awaitUdpStarted();
            SippResult call = router.call("router-torture-after", REAL, 1, 10, TALK, "127.0.0.1");
            assertThat(call.allSucceeded()).as(call.summary()).isTrue();
            assertThat(real.await().allSucceeded()).isTrue();
        }
    }

    @Test
    void aFloodingCustomerGets503WithRetryAfterForItsExcessWhileAnotherCustomersCallGoesThrough() throws Exception {
        int realPort = FreePorts.udpAndTcp();
        // the per-customer limit alone: the overload control (its own tests) could also refuse part of a
        // 300-INVITE burst on a busy box, with Retry-After: 5
        try (RouterHarness router = RouterHarness.start(Map.of("router.customers", "127.0.0.1,127.0.0.3",
                "router.customerCallsPerSecond", "20", "router.overloadControl", "false"));
             DatagramSocket flooder = socket("127.0.0.3");
             SippProcess real = RouterHarness.answering("router-flood-real", realPort, REAL, 1)) {
            router.carrier("Real", "127.0.0.1", realPort, "44", "0.0200");
            InetSocketAddress to = new InetSocketAddress("127.0.0.1", router.port());
            int flood = 300;
            for (int i = 0; i < flood; i++) { // for a number without a rate: what is admitted gets 404
                byte[] invite = invite("+999" + i, "flood-" + i, flooder.getLocalPort());
                flooder.send(new DatagramPacket(invite, invite.length, to));
            }
            List<String> answers = receiveAll(flooder, flood, Duration.ofSeconds(5));
            long limited = answers.stream().filter(a -> a.startsWith("SIP/2.0 503") && a.contains("Retry-After: 1"))
                    .count();
            long routed = answers.stream().filter(a -> a.startsWith("SIP/2.0 404")).count();

            assertThat(limited + routed).as("every INVITE answered once; other answers: %s", answers.stream()
                    .filter(a -> !a.startsWith("SIP/2.0 404") && !a.contains("Retry-After: 1"))
                    .map(a -> a.lines().findFirst().orElse("")).distinct().toList()).isEqualTo(flood);
            assertThat(routed).as("a second's burst and what refilled while sending").isBetween(20L, 60L);
            var limit = router.node().appliance().routerCustomerLimit();
            assertThat(limit.refused()).isEqualTo(limited);
            assertThat(router.metric("crosspoint_router_customer_limited_total")).isEqualTo((double) limited);

            ProxyHarness.awaitUdpStarted();
            SippResult call = router.call("router-flood-other-customer", REAL, 1, 10, TALK, "127.0.0.1");
            assertThat(call.allSucceeded()).as("another customer is not limited: " + call.summary()).isTrue();
            assertThat(real.await().allSucceeded()).isTrue();

            Thread.sleep(1100); // a second later the flooder's bucket holds calls again
            byte[] again = invite("+9991", "flood-after", flooder.getLocalPort());
            flooder.send(new DatagramPacket(again, again.length, to));
            assertThat(receiveAll(flooder, 1, Duration.ofSeconds(3))).singleElement()
                    .satisfies(a -> assertThat(a).startsWith("SIP/2.0 404"));
        }
    }

    @Test
    void strangersCannotRelayThroughTheRouterButACarriersByeForACallItCarriesPasses() throws Exception {
        int carrierPort = FreePorts.udpAndTcp();
        try (RouterHarness router = RouterHarness.start(Map.of());
             DatagramSocket spy = socket("127.0.0.1");
             DatagramSocket stranger = socket("127.0.0.9");
             DatagramSocket customer = socket("127.0.0.1");
             // the carrier is on 127.0.0.5, not a customer: its BYE is let through because the router carries the call
             SippProcess carrier = SippRunner.scenario("sipp/router-carrier-hangs-up.xml").name("router-carrier-bye")
                     .localPort(carrierPort).calls(1).callDuration(TALK).timeout(RouterHarness.TIMEOUT)
                     .args("-i", "127.0.0.5").start()) {
            router.carrier("Spy", "127.0.0.1", spy.getLocalPort(), "1", "0.0100");
            router.carrier("HangsUp", "127.0.0.5", carrierPort, "44", "0.0200");
            InetSocketAddress to = new InetSocketAddress("127.0.0.1", router.port());
            String target = "sip:" + SPIED + "@127.0.0.1:" + spy.getLocalPort();

            // inside a dialog the router does not know, to the carrier's address
            byte[] inDialog = invite(SPIED, "relay-1", stranger.getLocalPort()).clone();
            inDialog = new String(inDialog, StandardCharsets.US_ASCII).replaceFirst("INVITE \\S+", "INVITE " + target)
                    .replace("To: <sip:" + SPIED + "@127.0.0.1>", "To: <sip:" + SPIED + "@127.0.0.1>;tag=forged")
                    .getBytes(StandardCharsets.US_ASCII);
            stranger.send(new DatagramPacket(inDialog, inDialog.length, to));
            assertThat(receiveAll(stranger, 1, Duration.ofSeconds(2))).singleElement()
                    .satisfies(a -> assertThat(a).startsWith("SIP/2.0 403"));
            // a new call with a pre-loaded Route to the carrier: past the routing step, were it let through
            byte[] routed = withRoute(invite(SPIED, "relay-2", stranger.getLocalPort()), spy.getLocalPort());
            stranger.send(new DatagramPacket(routed, routed.length, to));
            assertThat(receiveAll(stranger, 1, Duration.ofSeconds(2))).singleElement()
                    .satisfies(a -> assertThat(a).startsWith("SIP/2.0 403"));
            assertThat(receiveAll(spy, 1, Duration.ofMillis(500))).as("nothing reached the carrier").isEmpty();

            // the same pre-loaded Route from a customer is followed (a PBX may route on its own)
            byte[] fromCustomer = withRoute(invite(SPIED, "relay-3", customer.getLocalPort()), spy.getLocalPort());
            customer.send(new DatagramPacket(fromCustomer, fromCustomer.length, to));
            assertThat(receiveAll(spy, 1, Duration.ofSeconds(2))).singleElement()
                    .satisfies(a -> assertThat(a).contains("Call-ID: relay-3"));

            ProxyHarness.awaitUdpStarted();
            SippResult call = SippRunner.scenario("sipp/router-uac-hung-up.xml").name("router-pbx-hung-up")
                    .remote("127.0.0.1", router.port()).calls(1).timeout(RouterHarness.TIMEOUT)
                    .args("-s", REAL).run();
            assertThat(call.allSucceeded()).as("the carrier's BYE reached the caller: " + call.summary()).isTrue();
            assertThat(carrier.await().allSucceeded()).as("the caller's 200 reached the carrier").isTrue();
        }
    }

    private static DatagramSocket socket(String ip) throws IOException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(ip), 0));
        socket.setReceiveBufferSize(1 << 20); // 300 answers at once must not overflow it
        return socket;
    }

    private static byte[] invite(String number, String callId, int port) {
        return ("INVITE sip:" + number + "@127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + port + ";rport;branch=z9hG4bK-" + callId + "\r\n"
                + "Max-Forwards: 70\r\nFrom: <sip:pbx@127.0.0.1>;tag=f-" + callId + "\r\n"
                + "To: <sip:" + number + "@127.0.0.1>\r\nCall-ID: " + callId + "\r\nCSeq: 1 INVITE\r\n"
                + "Contact: <sip:pbx@127.0.0.1:" + port + ">\r\nContent-Length: 0\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] withRoute(byte[] invite, int port) {
        return new String(invite, StandardCharsets.US_ASCII).replace("Max-Forwards: 70\r\n",
                "Route: <sip:127.0.0.1:" + port + ";lr>\r\nMax-Forwards: 70\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** Final answers (and, at a spy, requests) arriving within {@code wait}, up to {@code count} of them. */
    static List<String> receiveAll(DatagramSocket socket, int count, Duration wait) throws IOException {
        List<String> got = new ArrayList<>();
        long deadline = System.nanoTime() + wait.toNanos();
        byte[] buf = new byte[65_535];
        while (got.size() < count && System.nanoTime() < deadline) {
            socket.setSoTimeout((int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
            } catch (SocketTimeoutException e) {
                break;
            }
            String text = new String(p.getData(), 0, p.getLength(), StandardCharsets.ISO_8859_1);
            if (!text.startsWith("SIP/2.0 1")) {
                got.add(text);
            }
        }
        return got;
    }
}
