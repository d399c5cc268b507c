package com.crosspoint.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.proxy.Proxy;
import com.crosspoint.proxy.core.RoutingDecision;
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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Serial forking with failover against real SIPp carriers, and the 503 of full queues and of overload. */
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

    /**
     * The overload control end to end: a resolver taking 3 ms a call (about 600 calls/s on two readers) offered 2,000
     * INVITEs a second. The socket's queue stops draining, the share admitted is cut, the excess is answered 503 with
     * Retry-After at once; once the flood stops the share grows back to all and a new call is routed again.
     */
    @Test
    void aQueueThatDoesNotDrainCutsTheShareAdmittedAndItGrowsBackOnceItDrains() throws Exception {
        RoutingDecision busyHere = new RoutingDecision.Refuse(486, "Busy Here");
        try (DatagramSocket caller = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             Proxy proxy = Proxy.start(ProxyHarness.settings(), (request, from) -> {
                 long end = System.nanoTime() + 3_000_000;
                 while (System.nanoTime() < end) {
                     Thread.onSpinWait(); // routing work that takes a while
                 }
                 return busyHere;
             })) {
            caller.setReceiveBufferSize(8 << 20);
            InetSocketAddress to = new InetSocketAddress("127.0.0.1", proxy.port());
            Map<String, String> answers = new ConcurrentHashMap<>(); // Call-ID -> its first answer
            Thread reader = new Thread(() -> firstAnswers(caller, answers));
            reader.start();
            double lowestShare = 1.0;
            long longestBacklog = 0;
            long start = System.nanoTime();
            for (int n = 0; n < 3_000; n++) { // 1.5 s at 2,000 a second
                byte[] invite = invite(caller, 1_000 + n);
                caller.send(new DatagramPacket(invite, invite.length, to));
                while (System.nanoTime() - start < n * 500_000L) {
                    Thread.onSpinWait();
                }
                if (n % 50 == 0) {
                    lowestShare = Math.min(lowestShare, proxy.core().admittedShare());
                    longestBacklog = Math.max(longestBacklog, proxy.core().backlogMillis());
                }
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> answers.size() == 3_000);
            Map<String, Long> byStatus = answers.values().stream()
                    .collect(Collectors.groupingBy(a -> a.substring(8, 11), Collectors.counting()));
            assertThat(longestBacklog).as("the socket was not found empty for an interval").isGreaterThanOrEqualTo(100);
            assertThat(lowestShare).isLessThan(1.0);
            assertThat(byStatus.keySet()).as("answers: " + byStatus).containsOnly("486", "503");
            assertThat(byStatus.get("503")).as("answers: " + byStatus).isPositive();
            assertThat(byStatus.get("486")).as("some calls were still routed: " + byStatus).isPositive();
            assertThat(answers.values()).filteredOn(a -> a.startsWith("SIP/2.0 503 "))
                    .allMatch(a -> a.contains("\r\nRetry-After: 5\r\n"), "says when to retry");
            assertThat(proxy.counters().overloaded()).isGreaterThanOrEqualTo(byStatus.get("503"));

            await().atMost(Duration.ofSeconds(10)).until(() -> proxy.core().admittedShare() == 1.0);
            caller.close();
            reader.join(2_000);
        }
    }

    private static void firstAnswers(DatagramSocket socket, Map<String, String> answers) {
        byte[] buf = new byte[65535];
        while (!socket.isClosed()) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
            } catch (IOException e) {
                return; // closed
            }
            String reply = new String(p.getData(), 0, p.getLength(), StandardCharsets.ISO_8859_1);
            answers.putIfAbsent(reply.replaceAll("(?s).*\r\nCall-ID: (\\S+)\r\n.*", "$1"), reply);
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
