package com.crosspoint.it;

import static com.crosspoint.it.RouterHarness.NUMBER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.testing.FreePorts;
import com.crosspoint.testing.SippProcess;
import com.crosspoint.testing.SippResult;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A carrier's own limits over real SIPp (issue 12, "per-carrier limits give 503 when full"): its channels and its
 * calls per second. While a dearer carrier has room it takes the overflow; when none has, the PBX (a SIPp UAC) is
 * answered 503, read from SIPp's log of the answer it did not expect.
 */
class CarrierLimitsIT {
    private static final String CUSTOMER = "127.0.0.1";
    private static final String REFUSED = "SIP/2.0 503 No Carrier Available";

    @Test
    void aCarrierWithEveryChannelInUseOverflowsToTheNextAndWithoutOneTheCallerGets503() {
        int cheapPort = FreePorts.udpAndTcp();
        int dearPort = FreePorts.udpAndTcp();
        try (RouterHarness router = RouterHarness.start(Map.of());
             SippProcess cheap = RouterHarness.answering("limits-ch-cheap", cheapPort, NUMBER, 1000);
             SippProcess dear = RouterHarness.answering("limits-ch-dear", dearPort, NUMBER, 1000)) {
            long cheapId = router.carrier("Cheap", cheapPort, "0.0100", "", 1);
            long dearId = router.carrier("Dear", dearPort, "0.0200", "", 0);
            ProxyHarness.awaitUdpStarted();

            // two calls 100 ms apart, each holding its channel for 2 s: the second finds the cheap one taken
            SippResult overflow = router.call("limits-ch-overflow", 2, 10, Duration.ofSeconds(2), CUSTOMER);
            assertThat(overflow.allSucceeded()).as(overflow.summary()).isTrue();
            assertThat(router.started(cheapId)).isEqualTo(1);
            assertThat(router.started(dearId)).as("the dearer carrier took the overflow").isEqualTo(1);

            var acr = router.node().appliance().callRouter();
            await().atMost(Duration.ofSeconds(5)).until(() -> acr.channelsInUse(cheapId) == 0);
            take(router, dearId, false);
            SippResult full = router.call("limits-ch-full", 2, 10, Duration.ofSeconds(2), CUSTOMER);
            assertThat(full.statistics().successfulCalls()).as(full.summary()).isEqualTo(1);
            assertThat(full.statistics().failedCalls()).isEqualTo(1);
            assertThat(full.errors()).as("the caller was answered 503: " + full.summary()).contains(REFUSED);
            assertThat(router.started(cheapId)).isEqualTo(2);
            assertThat(router.started(dearId)).as("out of service: not asked").isEqualTo(1);
        }
    }

    @Test
    void aCarrierAtItsCallsPerSecondOverflowsToTheNextAndWithoutOneTheCallerGets503() throws Exception {
        int cheapPort = FreePorts.udpAndTcp();
        int dearPort = FreePorts.udpAndTcp();
        int calls = 6;
        try (RouterHarness router = RouterHarness.start(Map.of());
             SippProcess cheap = RouterHarness.answering("limits-cps-cheap", cheapPort, NUMBER, 1000);
             SippProcess dear = RouterHarness.answering("limits-cps-dear", dearPort, NUMBER, 1000)) {
            long cheapId = router.carrier("{\"name\":\"Cheap\",\"host\":\"127.0.0.1\",\"port\":" + cheapPort
                    + ",\"maxCallsPerSecond\":2}", "1", "0.0100");
            long dearId = router.carrier("Dear", dearPort, "0.0200", "", 0);
            ProxyHarness.awaitUdpStarted();

            // 6 calls within ~25 ms touch at most two clock seconds: the cheap carrier may start 2 in each
            SippResult overflow = router.call("limits-cps-overflow", calls, 200, Duration.ofMillis(200), CUSTOMER);
            assertThat(overflow.allSucceeded()).as(overflow.summary()).isTrue();
            long toCheap = router.started(cheapId);
            assertThat(toCheap).isBetween(2L, 4L);
            assertThat(router.started(dearId)).as("the dearer carrier took the overflow").isEqualTo(calls - toCheap);

            take(router, dearId, false);
            nextClockSecond(); // the cheap carrier's calls of this second are spent by the overflow run
            SippResult full = router.call("limits-cps-full", calls, 200, Duration.ofMillis(200), CUSTOMER);
            long carried = router.started(cheapId) - toCheap;
            assertThat(carried).as(full.summary()).isBetween(2L, 4L);
            assertThat(full.statistics().successfulCalls()).as(full.summary()).isEqualTo(carried);
            assertThat(full.statistics().failedCalls()).isEqualTo(calls - carried);
            assertThat(full.errors()).as("the caller was answered 503: " + full.summary()).contains(REFUSED);
        }
    }

    /** Waits into the next second of the wall clock, which the router's calls-per-second count goes by. */
    private static void nextClockSecond() throws InterruptedException {
        Thread.sleep(1000 - System.currentTimeMillis() % 1000 + 20);
    }

    /** Takes a carrier out of service (or back) over the API, as the console does. */
    private static void take(RouterHarness router, long carrierId, boolean inService) {
        var r = router.http().send("PATCH", "/api/v1/carriers/" + carrierId, router.adminSession(),
                "{\"inService\":" + inService + "}");
        assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
    }
}
