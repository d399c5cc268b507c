package com.crosspoint.it;

import static com.crosspoint.it.RouterHarness.NUMBER;
import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.testing.FreePorts;
import com.crosspoint.testing.SippProcess;
import com.crosspoint.testing.SippResult;
import com.crosspoint.testing.SippRunner;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Customers known by digest (issue 12, "customers (PBX nodes or tenants, by source address or digest)"): a SIPp PBX
 * calling from an address that is not a customer's is challenged with 407, answers with SIPp's [authentication], and
 * its call reaches the carrier; a wrong password or an unknown username gets 403 and reaches no carrier; an address
 * that guesses wrong too often is refused unheard, even with the right password.
 */
class RouterCustomerDigestIT {
    private static final String STRANGE_ADDRESS = "127.0.0.2";

    @Test
    void aCustomerKnownByDigestIsChallengedAndItsRightAnswerReachesTheCarrier() {
        int port = FreePorts.udpAndTcp();
        try (RouterHarness router = RouterHarness.start(Map.of("router.digestCustomers", "pbx-east:east-secret"));
             SippProcess carrier = RouterHarness.answering("digest-customer-carrier", port, NUMBER, 1)) {
            long carrierId = router.carrier("Carrier", port, "0.0100", "", 0);
            ProxyHarness.awaitUdpStarted();

            SippResult call = call(router, "digest-customer-right", "pbx-east", "east-secret");

            assertThat(call.allSucceeded()).as("407, then admitted: " + call.summary()).isTrue();
            assertThat(carrier.await().allSucceeded()).isTrue();
            assertThat(router.started(carrierId)).isEqualTo(1);
        }
    }

    @Test
    void aWrongPasswordAndAnUnknownUsernameGet403AndReachNoCarrier() {
        int port = FreePorts.udpAndTcp();
        try (RouterHarness router = RouterHarness.start(Map.of("router.digestCustomers", "pbx-east:east-secret"));
             SippProcess carrier = RouterHarness.answering("digest-customer-unused", port, NUMBER, 1)) {
            long carrierId = router.carrier("Carrier", port, "0.0100", "", 0);
            ProxyHarness.awaitUdpStarted();

            SippResult wrong = call(router, "digest-customer-wrong", "pbx-east", "not-the-secret");
            SippResult unknown = call(router, "digest-customer-unknown", "pbx-west", "east-secret");

            for (SippResult refused : new SippResult[] {wrong, unknown}) {
                assertThat(refused.statistics().failedCalls()).as(refused.summary()).isEqualTo(1);
                assertThat(refused.errors()).as("challenged (407 to CSeq 1), then 403 to the answer: "
                        + refused.summary()).contains("SIP/2.0 403 Forbidden").contains("CSeq: 2 INVITE");
            }
            assertThat(router.started(carrierId)).isZero();
            assertThat(carrier.isAlive()).as("the carrier was never called").isTrue();
        }
    }

    @Test
    void anAddressThatGuessesWrongTooOftenIsRefusedUnheardEvenWithTheRightPassword() {
        int port = FreePorts.udpAndTcp();
        try (RouterHarness router = RouterHarness.start(Map.of("router.digestCustomers", "pbx-east:east-secret",
                "sip.auth.failureLimit", "2"));
             SippProcess carrier = RouterHarness.answering("digest-guesser-unused", port, NUMBER, 1)) {
            long carrierId = router.carrier("Carrier", port, "0.0100", "", 0);
            ProxyHarness.awaitUdpStarted();
            for (int guess = 0; guess < 3; guess++) {
                assertThat(call(router, "digest-guess-" + guess, "pbx-east", "guess-" + guess).allSucceeded())
                        .isFalse();
            }

            SippResult right = call(router, "digest-guesser-right", "pbx-east", "east-secret");

            assertThat(right.statistics().failedCalls()).as(right.summary()).isEqualTo(1);
            assertThat(right.errors()).as("403 to the first INVITE, without a challenge: " + right.summary())
                    .contains("SIP/2.0 403 Forbidden").contains("CSeq: 1 INVITE");
            assertThat(router.started(carrierId)).isZero();
        }
    }

    /** One call to {@link RouterHarness#NUMBER} from a non-customer address, answering the 407 as {@code user}. */
    private static SippResult call(RouterHarness router, String name, String user, String password) {
        return SippRunner.scenario("sipp/proxy-uac-auth.xml").name(name).remote("127.0.0.1", router.port()).calls(1)
                .callDuration(Duration.ofMillis(200)).timeout(RouterHarness.TIMEOUT)
                .args("-s", NUMBER, "-i", STRANGE_ADDRESS, "-au", user, "-ap", password).run();
    }
}
