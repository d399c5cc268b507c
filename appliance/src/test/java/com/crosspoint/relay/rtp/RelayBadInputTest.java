package com.crosspoint.relay.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.media.engine.SignalledPeer;
import com.crosspoint.testing.RtpProber;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What strangers can do to the relay's ports: garbage, oversize datagrams, RTCP and RTP floods from one source and
 * a prober spraying every port of the range (the RtpHijackIT idea, here against relayed calls). Each attack is
 * bounded in packets; a call in progress must lose nothing and the strangers must get nothing back.
 */
@Timeout(60)
class RelayBadInputTest {
    private static final int PCMU = 0;
    private static final int PAIRS = 16;
    private static final int CALL_PACKETS = 300;

    private RelayFixture fixture;
    private RtpRelay relay;

    @BeforeEach
    void start() {
        fixture = new RelayFixture(PAIRS, Duration.ofSeconds(60));
        relay = fixture.relay;
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private static void direct(RelaySide side, UdpPhone phone) {
        side.expect(phone.rtpAddress(), Optional.of(phone.rtcpAddress()), SignalledPeer.DIRECT, Set.of(PCMU), false,
                8000);
    }

    @Test
    void garbageOversizeAndFloodsFromOneSourceNeitherCrashNorDisturbACallInProgress() throws Exception {
        RelayedCall call = relay.open("victim", RelayListener.NONE);
        RelayedCall other = relay.open("target", RelayListener.NONE); // open, no SDP yet
        try (UdpPhone alice = new UdpPhone(); UdpPhone bob = new UdpPhone();
             UdpPhone attacker = new UdpPhone(InetAddress.getByName("127.0.0.2"))) {
            direct(call.caller(), alice);
            direct(call.callee(), bob);
            List<InetSocketAddress> targets = List.of(call.caller().localRtp(), call.callee().localRtp(),
                    rtcp(call.caller()), rtcp(call.callee()), other.caller().localRtp(), rtcp(other.callee()));
            CompletableFuture<List<UdpPhone.Arrival>> bobHears = CompletableFuture.supplyAsync(
                    () -> receive(bob, CALL_PACKETS)); // read as it comes: bob's socket buffer holds far fewer
            CompletableFuture<Integer> flood = CompletableFuture.supplyAsync(() -> flood(attacker, targets, 20_000));
            for (int i = 0; i < CALL_PACKETS; i++) {
                alice.sendRtp(call.caller().localRtp(), PCMU, i, 0xA);
                LockSupport.parkNanos(5_000_000);
            }
            assertThat(flood.get()).isEqualTo(20_000);
            List<UdpPhone.Arrival> atBob = bobHears.get();
            assertThat(atBob).hasSize(CALL_PACKETS);
            assertThat(atBob).extracting(UdpPhone.Arrival::sequence).doesNotHaveDuplicates()
                    .allSatisfy(seq -> assertThat(seq).isLessThan(CALL_PACKETS));
            assertThat(UdpPhone.receive(attacker.rtp, 200)).isEmpty();
            assertThat(UdpPhone.receive(bob.rtcp, 50)).isEmpty();
            assertThat(UdpPhone.receive(alice.rtcp, 50)).isEmpty();

            SideStats.Drops drops = call.caller().stats().drops();
            assertThat(drops.garbage()).isPositive();
            assertThat(drops.oversize()).isPositive();
            assertThat(drops.foreignSource()).isPositive();
            assertThat(drops.foreignRtcp()).isPositive();
            assertThat(call.caller().stats().packets()).isEqualTo(CALL_PACKETS);
            bob.sendRtp(call.callee().localRtp(), PCMU, 1, 0xB); // the relay still forwards both ways
            assertThat(UdpPhone.receive(alice.rtp, 1, 2000)).hasSize(1);
        }
    }

    /** Garbage, oversize, RTP of the attacker's own and RTCP, round robin to the targets; returns datagrams sent. */
    private static int flood(UdpPhone attacker, List<InetSocketAddress> targets, int count) {
        byte[] oversize = new byte[3000];
        oversize[0] = (byte) 0x80;
        byte[] garbage = new byte[64];
        byte[] rtcp = UdpPhone.senderReport(0x5, com.crosspoint.media.rtcp.NtpTime.fromUnixMillis(1));
        try {
            for (int i = 0; i < count; i++) {
                InetSocketAddress to = targets.get(i % targets.size());
                switch (i / targets.size() % 4) { // every target gets every kind
                    case 0 -> {
                        ThreadLocalRandom.current().nextBytes(garbage);
                        attacker.rtp.send(ByteBuffer.wrap(garbage), to);
                    }
                    case 1 -> attacker.rtp.send(ByteBuffer.wrap(oversize), to);
                    case 2 -> attacker.sendRtp(to, PCMU, i & 0xFFFF, 0x5);
                    default -> attacker.rtp.send(ByteBuffer.wrap(rtcp), to);
                }
                if (i % 10 == 0) {
                    LockSupport.parkNanos(1_000_000); // bounded rate: about 10,000 datagrams a second
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return count;
    }

    @Test
    void aProberSprayingEveryPortOfTheRangeGetsNothingBackWhilePhonesTalk() throws Exception {
        RelayedCall call = relay.open("sprayed", RelayListener.NONE);
        RelayedCall nat = relay.open("sprayed-nat", RelayListener.NONE);
        try (UdpPhone alice = new UdpPhone(); UdpPhone bob = new UdpPhone(); UdpPhone carol = new UdpPhone();
             UdpPhone dave = new UdpPhone();
             RtpProber prober = new RtpProber(InetAddress.getByName("127.0.0.2"), RelayFixture.LOOPBACK,
                     fixture.firstPort, fixture.lastPort)) {
            direct(call.caller(), alice);
            direct(call.callee(), bob);
            nat.caller().expect(new InetSocketAddress("127.0.0.5", 4000), Optional.empty(),
                    SignalledPeer.behindNat(RelayFixture.LOOPBACK), Set.of(PCMU), false, 8000);
            direct(nat.callee(), dave);
            carol.sendRtp(nat.caller().localRtp(), PCMU, 0, 0xC); // carol behind NAT latches first
            await().atMost(Duration.ofSeconds(2)).until(() -> nat.caller().latchedSource() != null);

            CompletableFuture<Void> spray = CompletableFuture.runAsync(
                    () -> prober.spray(Duration.ofSeconds(2), Duration.ofMillis(5), 50_000));
            int seq = 1;
            while (!spray.isDone()) {
                alice.sendRtp(call.caller().localRtp(), PCMU, seq, 0xA);
                bob.sendRtp(call.callee().localRtp(), PCMU, seq, 0xB);
                carol.sendRtp(nat.caller().localRtp(), PCMU, seq, 0xC);
                seq++;
                Thread.sleep(20);
            }
            spray.get();
            Thread.sleep(200);
            assertThat(prober.sent()).isGreaterThan(1000);
            assertThat(prober.rtpHeard()).isZero();
            assertThat(prober.rtcpHeard()).isZero();
            assertThat(nat.caller().latchedSource()).isEqualTo(carol.rtpAddress());
            assertThat(call.caller().latchedSource()).isEqualTo(alice.rtpAddress());
            assertThat(UdpPhone.receive(dave.rtp, 300)).hasSizeGreaterThanOrEqualTo(seq - 1);
        }
    }

    private static List<UdpPhone.Arrival> receive(UdpPhone phone, int count) {
        try {
            return UdpPhone.receive(phone.rtp, count, 15_000);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static InetSocketAddress rtcp(RelaySide side) {
        return new InetSocketAddress(side.localRtp().getAddress(), side.localRtcpPort());
    }
}
