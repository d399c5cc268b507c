package com.crosspoint.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.proxy.Proxy;
import com.crosspoint.proxy.transport.Destination;
import com.crosspoint.testing.FreePorts;
import com.crosspoint.testing.SippProcess;
import com.crosspoint.testing.SippResult;
import com.crosspoint.testing.SippRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SIPp caller -> lean proxy -> SIPp callee: whole calls over UDP, over TCP, from UDP to TCP, and a cancelled call. */
class ProxyCallIT {
    private static final int CALLS = 20;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void callsOverUdpCompleteWithoutAFailure() {
        calls(false);
    }

    @Test
    void callsOverTcpCompleteWithoutAFailure() {
        calls(true);
    }

    private void calls(boolean tcp) {
        int uasPort = FreePorts.udpAndTcp();
        String[] transport = tcp ? new String[] {"-t", "t1"} : new String[0];
        Destination callee = tcp ? ProxyHarness.tcp(uasPort) : ProxyHarness.udp(uasPort);
        String label = tcp ? "tcp" : "udp";
        try (SippProcess uas = SippRunner.scenario("sipp/uas-answer.xml").name("proxy-uas-" + label).localPort(uasPort)
                .calls(CALLS).timeout(TIMEOUT).args(transport).start();
             Proxy proxy = ProxyHarness.proxyTo(callee)) {
            if (tcp) {
                ProxyHarness.awaitTcpListening(uasPort);
            } else {
                ProxyHarness.awaitUdpStarted();
            }
            SippResult caller = SippRunner.scenario("sipp/proxy-uac.xml").name("proxy-uac-" + label)
                    .remote("127.0.0.1", proxy.port()).calls(CALLS).rate(20).callDuration(Duration.ofMillis(200))
                    .timeout(TIMEOUT).args("-s", "bob").args(transport).run();
            assertThat(caller.allSucceeded()).as(caller.summary()).isTrue();
            assertThat(caller.statistics().successfulCalls()).isEqualTo(CALLS);
            SippResult callee2 = uas.await();
            assertThat(callee2.statistics().failedCalls()).as(callee2.summary()).isZero();
            assertThat(callee2.statistics().successfulCalls()).isEqualTo(CALLS);
            // INVITE, ACK and BYE of every call passed through; nothing is left waiting for an answer
            assertThat(proxy.counters().requests()).isGreaterThanOrEqualTo(3L * CALLS);
            await().atMost(Duration.ofSeconds(5)).until(() -> proxy.core().pendingTransactions() == 0);
            assertThat(proxy.counters().refusals()).isEmpty();
            if (tcp) {
                // both SIPps have exited: the proxy noticed and closed both connections
                await().atMost(Duration.ofSeconds(5)).until(() -> proxy.openTcpConnections() == 0);
            }
        }
    }

    @Test
    void aCallFromUdpToTcpIsRecordRoutedTwiceAndItsDialogCrossesBack() {
        int uasPort = FreePorts.udpAndTcp();
        try (SippProcess uas = SippRunner.scenario("sipp/uas-answer.xml").name("proxy-uas-tcp-side").localPort(uasPort)
                .calls(3).timeout(TIMEOUT).args("-t", "t1").traceMessages(true).start();
             Proxy proxy = ProxyHarness.proxyTo(ProxyHarness.tcp(uasPort))) {
            ProxyHarness.awaitTcpListening(uasPort);
            SippResult caller = SippRunner.scenario("sipp/proxy-uac.xml").name("proxy-uac-udp-side")
                    .remote("127.0.0.1", proxy.port()).calls(3).rate(10).callDuration(Duration.ofMillis(100))
                    .timeout(TIMEOUT).args("-s", "bob").run();
            assertThat(caller.allSucceeded()).as(caller.summary()).isTrue();
            SippResult callee = uas.await();
            assertThat(callee.statistics().successfulCalls()).as(callee.summary()).isEqualTo(3);
            String seen = read(callee.logDir().resolve("messages.log"));
            String tcpSide = "Record-Route: <sip:127.0.0.1:" + proxy.port() + ";transport=tcp;lr>";
            String udpSide = "Record-Route: <sip:127.0.0.1:" + proxy.port() + ";lr>";
            assertThat(seen).contains(tcpSide, udpSide);
            assertThat(seen.indexOf(tcpSide)).as("the callee's side on top").isLessThan(seen.indexOf(udpSide));
            // ACK and BYE came back over TCP to the callee's Contact, with both of the proxy's Routes popped
            assertThat(seen).contains("BYE sip:127.0.0.1:" + uasPort + ";transport=TCP SIP/2.0");
            assertThat(seen.lines().filter(l -> l.startsWith("Route:"))).isEmpty();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterEach
    void noProxyThreadOutlivesItsProxy() {
        await().atMost(Duration.ofSeconds(3)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("proxy-") && t.isAlive()));
    }

    @Test
    void aCallCancelledWhileRingingEndsWith487OnBothSides() {
        int uasPort = FreePorts.udpAndTcp();
        try (SippProcess uas = SippRunner.scenario("sipp/proxy-uas-cancel.xml").name("proxy-uas-cancel")
                .localPort(uasPort).calls(3).timeout(TIMEOUT).start();
             Proxy proxy = ProxyHarness.proxyTo(ProxyHarness.udp(uasPort))) {
            ProxyHarness.awaitUdpStarted();
            SippResult caller = SippRunner.scenario("sipp/proxy-uac-cancel.xml").name("proxy-uac-cancel")
                    .remote("127.0.0.1", proxy.port()).calls(3).rate(10).timeout(TIMEOUT).args("-s", "bob").run();
            assertThat(caller.allSucceeded()).as(caller.summary()).isTrue();
            SippResult callee = uas.await();
            assertThat(callee.allSucceeded()).as(callee.summary()).isTrue();
            assertThat(proxy.counters().failovers()).as("a cancelled call is not failed over").isZero();
        }
    }
}
