package com.crosspoint.it;

import static com.crosspoint.it.RouterHarness.NUMBER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.proxy.core.ProxyCounters;
import com.crosspoint.testing.FreePorts;
import com.crosspoint.testing.SippProcess;
import com.crosspoint.testing.SippResult;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The call-router role against real SIPp: a node running only the router, SIPp carriers behind it, SIPp as the PBX
 * in front. The cheapest healthy carrier wins (with its tech prefix); 503 and silence fail over; a full carrier gives
 * 503; a stranger gets 403; a carrier under its ASR floor loses its traffic within one window and wins it back.
 */
class RouterIT {
    private static final String CUSTOMER = "127.0.0.1";
    private static final Duration TALK = Duration.ofMillis(200);

    @Test
    void theCheapestCarrierTakesTheCallsWithItsTechPrefixAndTheirEndsFreeItsChannels() {
        int cheapPort = FreePorts.udpAndTcp();
        int dearPort = FreePorts.udpAndTcp();
        try (RouterHarness router = RouterHarness.start(Map.of());
             SippProcess cheap = RouterHarness.answering("router-cheap", cheapPort, "99" + NUMBER.substring(1), 3);
             SippProcess dear = RouterHarness.answering("router-dear", dearPort, NUMBER, 1)) {
            long cheapId = router.carrier("Cheap", cheapPort, "0.0100", "99", 0);
            long dearId = router.carrier("Dear", dearPort, "0.0200", "", 0);
            ProxyHarness.awaitUdpStarted();

            SippResult calls = router.call("router-pbx-cheapest", 3, 10, TALK, CUSTOMER);

            assertThat(calls.allSucceeded()).as(calls.summary()).isTrue();
            SippResult carried = cheap.await();
            assertThat(carried.allSucceeded()).as("tech prefix 99 before the digits: " + carried.summary()).isTrue();
            assertThat(carried.statistics().successfulCalls()).isEqualTo(3);
            assertThat(router.started(dearId)).isZero();
            var acr = router.node().appliance().callRouter();
            await().atMost(Duration.ofSeconds(5)).until(() -> acr.channelsInUse(cheapId) == 0);
            assertThat(acr.totals().of(cheapId).answered()).isEqualTo(3);
            assertThat(router.node().appliance().routerProxy().core().trackedDialogs()).as("every BYE seen").isZero();
        }
    }

    @Test
    void a503AndASilentCarrierFailOverToTheNext() throws Exception {
        int busyPort = FreePorts.udpAndTcp();
        int goodPort = FreePorts.udpAndTcp();
        try (RouterHarness router = RouterHarness.start(Map.of());
             DatagramSocket silent = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             SippProcess busy = RouterHarness.refusing("router-busy", busyPort, "503 Service Unavailable", 3);
             SippProcess good = RouterHarness.answering("router-good", goodPort, NUMBER, 3)) {
            router.carrier("Busy", busyPort, "0.0100", "", 0);
            long silentId = router.carrier("Silent", silent.getLocalPort(), "0.0150", "", 0);
            router.carrier("Good", goodPort, "0.0200", "", 0);
            ProxyHarness.awaitUdpStarted();

            long began = System.nanoTime();
            SippResult calls = router.call("router-pbx-failover", 3, 10, TALK, CUSTOMER);

            assertThat(calls.allSucceeded()).as(calls.summary()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - began)).as("silence, not Timer B (32 s), moved on")
                    .isLessThan(Duration.ofSeconds(10));
            assertThat(busy.await().allSucceeded()).as("every 503 was ACKed").isTrue();
            assertThat(good.await().statistics().successfulCalls()).isEqualTo(3);
            ProxyCounters counters = router.node().appliance().routerProxy().counters();
            assertThat(counters.failovers()).isEqualTo(6);
            assertThat(counters.silentBranches()).isEqualTo(3);
            assertThat(router.node().appliance().callRouter().totals().of(silentId).failed()).isEqualTo(3);
        }
    }

    @Test
    void aCarrierWithEveryChannelInUseGives503AndAStrangerGets403() {
        int port = FreePorts.udpAndTcp();
        try (RouterHarness router = RouterHarness.start(Map.of());
             SippProcess carrier = RouterHarness.answering("router-one-channel", port, NUMBER, 2)) {
            router.carrier("OneChannel", port, "0.0100", "", 1);
            ProxyHarness.awaitUdpStarted();
            ProxyCounters counters = router.node().appliance().routerProxy().counters();

            SippResult stranger = router.call("router-stranger", 1, 10, TALK, "127.0.0.2");
            assertThat(stranger.statistics().failedCalls()).as(stranger.summary()).isEqualTo(1);
            assertThat(counters.refusedByResolver()).isEqualTo(1);

            // two calls 100 ms apart, each holding the one channel for 2 s: the second finds it taken
            SippResult calls = router.call("router-pbx-full", 2, 10, Duration.ofSeconds(2), CUSTOMER);
            assertThat(calls.statistics().successfulCalls()).as(calls.summary()).isEqualTo(1);
            assertThat(calls.statistics().failedCalls()).isEqualTo(1);
            assertThat(counters.refusedByResolver()).isEqualTo(2);

            SippResult after = router.call("router-pbx-after", 1, 10, TALK, CUSTOMER);
            assertThat(after.allSucceeded()).as("a freed channel takes the next call: " + after.summary()).isTrue();
        }
    }

    @Test
    void aCarrierUnderItsAsrFloorLosesItsTrafficWithinAWindowAndWinsItBack() {
        int cheapPort = FreePorts.udpAndTcp();
        int dearPort = FreePorts.udpAndTcp();
        // a 3 s window of 1 s buckets; 4 attempts make the figures count; ASR under 50 % excludes
        try (RouterHarness router = RouterHarness.start(Map.of("router.quality.bucketSeconds", "1",
                "router.quality.buckets", "3", "router.quality.minAttempts", "4", "router.policy.minAsrPercent", "50"));
             SippProcess dear = RouterHarness.answering("router-asr-dear", dearPort, NUMBER, 3)) {
            long cheapId = router.carrier("Cheap", cheapPort, "0.0100", "", 0);
            long dearId = router.carrier("Dear", dearPort, "0.0200", "", 0);
            try (SippProcess busy = RouterHarness.refusing("router-asr-busy", cheapPort, "486 Busy Here", 4)) {
                ProxyHarness.awaitUdpStarted();
                SippResult refused = router.call("router-pbx-asr-1", 4, 20, TALK, CUSTOMER);
                assertThat(refused.statistics().failedCalls()).as("486 is the callee's answer, passed on").isEqualTo(4);
                assertThat(busy.await().allSucceeded()).isTrue();
            }
            SippResult moved = router.call("router-pbx-asr-2", 3, 20, TALK, CUSTOMER);
            assertThat(moved.allSucceeded()).as(moved.summary()).isTrue();
            assertThat(dear.await().statistics().successfulCalls()).isEqualTo(3);
            assertThat(router.started(cheapId)).isEqualTo(4);
            assertThat(router.started(dearId)).isEqualTo(3);

            var acr = router.node().appliance().callRouter();
            await().atMost(Duration.ofSeconds(10)).until(() -> acr.explain(NUMBER, Instant.now()).carriersToTry()
                    .get(0).carrier().id() == cheapId);
            try (SippProcess recovered = RouterHarness.answering("router-asr-cheap", cheapPort, NUMBER, 2)) {
                ProxyHarness.awaitUdpStarted();
                SippResult back = router.call("router-pbx-asr-3", 2, 20, TALK, CUSTOMER);
                assertThat(back.allSucceeded()).as(back.summary()).isTrue();
                assertThat(recovered.await().statistics().successfulCalls()).isEqualTo(2);
            }
        }
    }

    @Test
    void garbageAndHeaderBombsAgainstTheRouterAreRefusedAndItKeepsRouting() throws Exception {
        int port = FreePorts.udpAndTcp();
        try (RouterHarness router = RouterHarness.start(Map.of());
             SippProcess carrier = RouterHarness.answering("router-after-garbage", port, NUMBER, 1);
             DatagramSocket attacker = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            router.carrier("Carrier", port, "0.0100", "", 0);
            InetSocketAddress to = new InetSocketAddress("127.0.0.1", router.port());
            java.util.Random random = new java.util.Random(4475);
            for (int i = 0; i < 50; i++) {
                byte[] junk = new byte[1 + random.nextInt(1400)];
                random.nextBytes(junk);
                attacker.send(new java.net.DatagramPacket(junk, junk.length, to));
            }
            byte[] bomb = ("INVITE sip:" + NUMBER + "@127.0.0.1 SIP/2.0\r\n" + "X-Bomb: a\r\n".repeat(4000) + "\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            attacker.send(new java.net.DatagramPacket(bomb, Math.min(bomb.length, 65_000), to));
            ProxyCounters counters = router.node().appliance().routerProxy().counters();
            await().atMost(Duration.ofSeconds(5)).until(() -> counters.refusals().values().stream()
                    .mapToLong(Long::longValue).sum() + counters.dropped() >= 1);

            SippResult call = router.call("router-pbx-after-garbage", 1, 10, TALK, CUSTOMER);
            assertThat(call.allSucceeded()).as(call.summary()).isTrue();
            assertThat(carrier.await().allSucceeded()).isTrue();
            assertThat(router.started(router.node().appliance().callRouter().carriers().get(0).id())).isEqualTo(1);
        }
    }
}
