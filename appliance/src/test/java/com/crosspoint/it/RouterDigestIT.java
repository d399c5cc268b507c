package com.crosspoint.it;

import static com.crosspoint.it.RouterHarness.NUMBER;
import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.proxy.core.ProxyCounters;
import com.crosspoint.testing.FreePorts;
import com.crosspoint.testing.SippProcess;
import com.crosspoint.testing.SippResult;
import com.crosspoint.testing.SippRunner;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The router answers carriers' digest challenges with the carriers' credentials: a SIPp carrier challenges every call
 * (401, MD5, qop=auth) and checks the answer with SIPp's verifyauth. The right password gets the call (and its ACK,
 * BYE and CANCEL go where they belong); a wrong one is challenged again, and that second challenge, like the
 * challenge of a carrier without credentials, moves the call on to the next carrier.
 */
class RouterDigestIT {
    private static final Duration TALK = Duration.ofMillis(200);
    private static final String USER = "acme-trunk";
    private static final String PASSWORD = "s3cret-digest";

    @Test
    void theRightPasswordGetsTheCallAndItsAckAndByeReachTheCarrier() {
        int port = FreePorts.udpAndTcp();
        try (RouterHarness router = RouterHarness.start(Map.of());
             SippProcess carrier = challenging("router-digest-right", port, "router-carrier-digest-answer.xml")) {
            router.carrier(secure(port, PASSWORD), "1", "0.0100");
            ProxyHarness.awaitUdpStarted();

            SippResult call = router.call("router-digest-right-pbx", 1, 10, TALK, "127.0.0.1");

            assertThat(call.allSucceeded()).as(call.summary()).isTrue();
            assertThat(carrier.await().allSucceeded()).as("verifyauth accepted the answer, ACK and BYE arrived")
                    .isTrue();
            ProxyCounters counters = router.node().appliance().routerProxy().counters();
            assertThat(counters.challengesAnswered()).isEqualTo(1);
            assertThat(counters.failovers()).isZero();
        }
    }

    @Test
    void aCallCancelledWhileTheAuthenticatedInviteRingsIsCancelledAtTheCarrier() {
        int port = FreePorts.udpAndTcp();
        try (RouterHarness router = RouterHarness.start(Map.of());
             SippProcess carrier = challenging("router-digest-cancel", port, "router-carrier-digest-ring.xml")) {
            router.carrier(secure(port, PASSWORD), "1", "0.0100");
            ProxyHarness.awaitUdpStarted();

            SippResult call = SippRunner.scenario("sipp/proxy-uac-cancel.xml").name("router-digest-cancel-pbx")
                    .remote("127.0.0.1", router.port()).calls(1).timeout(RouterHarness.TIMEOUT).args("-s", NUMBER).run();

            assertThat(call.allSucceeded()).as("200 to the CANCEL, then 487: " + call.summary()).isTrue();
            assertThat(carrier.await().allSucceeded()).as("the carrier got the CANCEL of the authenticated INVITE")
                    .isTrue();
        }
    }

    @Test
    void aWrongPasswordAndACarrierWithoutCredentialsMoveTheCallToTheNextCarrier() {
        int wrongPort = FreePorts.udpAndTcp();
        int barePort = FreePorts.udpAndTcp();
        int goodPort = FreePorts.udpAndTcp();
        try (RouterHarness router = RouterHarness.start(Map.of());
             SippProcess wrong = challenging("router-digest-wrong", wrongPort, "router-carrier-digest-answer.xml");
             SippProcess bare = RouterHarness.refusing("router-digest-bare", barePort, "401 Unauthorized", 1);
             SippProcess good = RouterHarness.answering("router-digest-next", goodPort, NUMBER, 1)) {
            long wrongId = router.carrier(secure(wrongPort, "not-the-password"), "1", "0.0100");
            long bareId = router.carrier("Bare", "127.0.0.1", barePort, "1", "0.0150");
            router.carrier("Next", "127.0.0.1", goodPort, "1", "0.0200");
            ProxyHarness.awaitUdpStarted();

            SippResult call = router.call("router-digest-wrong-pbx", 1, 10, TALK, "127.0.0.1");

            assertThat(call.allSucceeded()).as(call.summary()).isTrue();
            assertThat(wrong.await().allSucceeded()).as("answered once, challenged again, ACKed").isTrue();
            assertThat(bare.await().allSucceeded()).as("its 401 was ACKed").isTrue();
            assertThat(good.await().statistics().successfulCalls()).isEqualTo(1);
            ProxyCounters counters = router.node().appliance().routerProxy().counters();
            assertThat(counters.challengesAnswered()).as("the second challenge was not answered").isEqualTo(1);
            assertThat(counters.failovers()).isEqualTo(2);
            var totals = router.node().appliance().callRouter().totals();
            assertThat(totals.of(wrongId).failed()).isEqualTo(1);
            assertThat(totals.of(bareId).failed()).isEqualTo(1);
        }
    }

    private static String secure(int port, String password) {
        return "{\"name\":\"Secure\",\"host\":\"127.0.0.1\",\"port\":" + port + ",\"username\":\"" + USER
                + "\",\"password\":\"" + password + "\"}";
    }

    /** A SIPp carrier that challenges, checks the answer against the right password, then does {@code after}. */
    private static SippProcess challenging(String name, int port, String after) {
        return SippRunner.scenarioFile(RouterHarness.filled("sipp/router-carrier-digest.xml", Map.of("__USER__", USER,
                        "__PASSWORD__", PASSWORD, "__AFTER_AUTH__", resource("sipp/" + after))))
                .name(name).localPort(port).calls(1).timeout(RouterHarness.TIMEOUT).start();
    }

    private static String resource(String name) {
        try (InputStream in = RouterDigestIT.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
