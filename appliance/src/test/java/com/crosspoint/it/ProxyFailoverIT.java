package com.crosspoint.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.proxy.Proxy;
import com.crosspoint.proxy.core.StaticTargetResolver;
import com.crosspoint.testing.FreePorts;
import com.crosspoint.testing.SippProcess;
import com.crosspoint.testing.SippResult;
import com.crosspoint.testing.SippRunner;
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
import org.junit.jupiter.api.Test;

/** Serial forking with failover against real SIPp carriers, and the 503 of full queues. */
class ProxyFailoverIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void aCarrierAnswering503FailsOverToTheNext() {
        int busyPort = FreePorts.udpAndTcp();
        int goodPort = FreePorts.udpAndTcp();
        try (SippProcess busy = SippRunner.scenario("sipp/proxy-uas-503.xml").name("proxy-uas-503").localPort(busyPort)
                .calls(5).timeout(TIMEOUT).start();
             SippProcess good = SippRunner.scenario("sipp/uas-answer.xml").name("proxy-uas-good").localPort(goodPort)
                .calls(5).timeout(TIMEOUT).start();
             Proxy proxy = ProxyHarness.proxyTo(ProxyHarness.udp(busyPort), ProxyHarness.udp(goodPort))) {
            ProxyHarness.awaitUdpStarted();
            SippResult caller = SippRunner.scenario("sipp/proxy-uac.xml").name("proxy-uac-failover")
                    .remote("127.0.0.1", proxy.port()).calls(5).rate(10).callDuration(Duration.ofMillis(100))
                    .timeout(TIMEOUT).args("-s", "bob").run();
            assertThat(caller.allSucceeded()).as(caller.summary()).isTrue();
            SippResult refused = busy.await();
            assertThat(refused.allSucceeded()).as("every 503 was ACKed: " + refused.summary()).isTrue();
            assertThat(good.await().statistics().successfulCalls()).isEqualTo(5);
            assertThat(proxy.counters().failovers()).isEqualTo(5);
        }
    }

    @Test
    void aCarrierThatDoesNotAnswerFailsOverAfterTimerB() throws IOException {
        int goodPort = FreePorts.udpAndTcp();
        try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             SippProcess good = SippRunner.scenario("sipp/uas-answer.xml").name("proxy-uas-after-silent")
                .localPort(goodPort).calls(3).timeout(TIMEOUT).start();
             Proxy proxy = ProxyHarness.proxyTo(ProxyHarness.udp(silent.getLocalPort()), ProxyHarness.udp(goodPort))) {
            ProxyHarness.awaitUdpStarted();
            SippResult caller = SippRunner.scenario("sipp/proxy-uac.xml").name("proxy-uac-silent")
                    .remote("127.0.0.1", proxy.port()).calls(3).rate(10).callDuration(Duration.ofMillis(100))
                    .timeout(TIMEOUT).args("-s", "bob").run();
            assertThat(caller.allSucceeded()).as(caller.summary()).isTrue();
            assertThat(proxy.counters().failovers()).isEqualTo(3);
            List<String> seen = receiveAll(silent, Duration.ofMillis(200));
            // each INVITE was sent and retransmitted (Timer A at 500 ms) before Timer B (1 s) moved on
            assertThat(seen).filteredOn(m -> m.startsWith("INVITE ")).hasSizeGreaterThanOrEqualTo(6);
        }
    }

    @Test
    void fullQueuesAnswer503WithRetryAfterAndAdmitAgainOnceDrained() throws IOException {
        try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             DatagramSocket caller = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             Proxy proxy = Proxy.start(ProxyHarness.settings().withMaxPending(2),
                     new StaticTargetResolver(List.of(ProxyHarness.udp(silent.getLocalPort()))))) {
            InetSocketAddress to = new InetSocketAddress("127.0.0.1", proxy.port());
            assertThat(exchange(caller, to, invite(caller, 1))).startsWith("SIP/2.0 100 Trying");
            assertThat(exchange(caller, to, invite(caller, 2))).startsWith("SIP/2.0 100 Trying");
            String refused = exchange(caller, to, invite(caller, 3));
            assertThat(refused).startsWith("SIP/2.0 503 Service Unavailable").contains("\r\nRetry-After: 5\r\n");
            assertThat(proxy.counters().overloaded()).isEqualTo(1);
            // Timer B ends the two pending INVITEs with 408; then there is room again
            await().atMost(Duration.ofSeconds(5)).until(() -> proxy.core().pendingTransactions() == 0);
            assertThat(exchange(caller, to, invite(caller, 4))).startsWith("SIP/2.0 100 Trying");
        }
    }

    private static byte[] invite(DatagramSocket from, int n) {
        String text = "INVITE sip:bob@127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + from.getLocalPort() + ";rport;branch=z9hG4bK-full-" + n + "\r\n"
                + "Max-Forwards: 70\r\nFrom: <sip:alice@127.0.0.1>;tag=f" + n + "\r\nTo: <sip:bob@127.0.0.1>\r\n"
                + "Call-ID: full-" + n + "@127.0.0.1\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n";
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** Sends and returns the first response that belongs to this request (by Call-ID), or "" after 2 s. */
    private static String exchange(DatagramSocket socket, InetSocketAddress to, byte[] request) throws IOException {
        String callId = new String(request, StandardCharsets.US_ASCII).replaceAll("(?s).*Call-ID: (\\S+).*", "$1");
        socket.send(new DatagramPacket(request, request.length, to));
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        byte[] buf = new byte[65535];
        while (System.nanoTime() < deadline) {
            socket.setSoTimeout((int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
            } catch (SocketTimeoutException e) {
                break;
            }
            String reply = new String(p.getData(), 0, p.getLength(), StandardCharsets.ISO_8859_1);
            if (reply.contains("Call-ID: " + callId + "\r\n")) {
                return reply; // earlier calls' 408s and their retransmissions are skipped
            }
        }
        return "";
    }

    private static List<String> receiveAll(DatagramSocket socket, Duration quiet) throws IOException {
        List<String> out = new ArrayList<>();
        socket.setSoTimeout((int) quiet.toMillis());
        byte[] buf = new byte[65535];
        while (true) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
            } catch (SocketTimeoutException e) {
                return out;
            }
            out.add(new String(p.getData(), 0, p.getLength(), StandardCharsets.ISO_8859_1));
        }
    }
}
