package com.crosspoint.relay.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.crosspoint.media.engine.MediaUnavailableException;
import com.crosspoint.media.engine.SignalledPeer;
import com.crosspoint.media.rtcp.NtpTime;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Relayed calls over real loopback sockets and the relay's own threads: two-way forwarding from the advertised
 * ports, a phone behind NAT and its re-latching, RTCP, the media timeout and hold, and ports freed on close.
 */
class RtpRelayTest {
    private static final int PCMU = 0;
    private static final int PAIRS = 8;

    private RelayFixture fixture;
    private RtpRelay relay;
    private final List<RelayedCall> timedOut = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        fixture = new RelayFixture(PAIRS, Duration.ofMillis(400));
        relay = fixture.relay;
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private static void direct(RelaySide side, UdpPhone phone) {
        side.expect(phone.rtpAddress(), Optional.of(phone.rtcpAddress()), SignalledPeer.DIRECT, Set.of(PCMU, 101),
                false, 8000);
    }

    @Test
    void eachPhoneHearsTheOtherFromExactlyThePortAdvertisedToIt() throws Exception {
        RelayedCall call = relay.open("two-way", timedOut::add);
        try (UdpPhone alice = new UdpPhone(); UdpPhone bob = new UdpPhone()) {
            direct(call.caller(), alice);
            direct(call.callee(), bob);
            for (int i = 0; i < 50; i++) {
                alice.sendRtp(call.caller().localRtp(), PCMU, 1000 + i, 0xA);
                bob.sendRtp(call.callee().localRtp(), PCMU, 7000 + i, 0xB);
                LockSupport.parkNanos(1_000_000);
            }
            List<UdpPhone.Arrival> atBob = UdpPhone.receive(bob.rtp, 50, 3000);
            List<UdpPhone.Arrival> atAlice = UdpPhone.receive(alice.rtp, 50, 3000);
            assertThat(atBob).hasSize(50).extracting(UdpPhone.Arrival::from).containsOnly(call.callee().localRtp());
            assertThat(atBob.get(0).sequence()).isEqualTo(1000);
            assertThat(atAlice).hasSize(50).extracting(UdpPhone.Arrival::from).containsOnly(call.caller().localRtp());
            RelayStats stats = call.stats();
            assertThat(stats.caller().packets()).isEqualTo(50);
            assertThat(stats.callee().traffic().rtpOut()).isEqualTo(50);
            assertThat(stats.callee().packets()).isEqualTo(50);
            assertThat(stats.caller().lost()).isZero();

            alice.sendRaw(alice.rtcp, UdpPhone.senderReport(0xA, NtpTime.fromUnixMillis(1000)),
                    new InetSocketAddress(RelayFixture.LOOPBACK, call.caller().localRtcpPort()));
            assertThat(UdpPhone.receive(bob.rtcp, 1, 2000)).singleElement().satisfies(a -> {
                assertThat(a.from().getPort()).isEqualTo(call.callee().localRtcpPort());
                assertThat(a.packetType()).isEqualTo(200);
            });
        }
        assertThat(timedOut).isEmpty();
    }

    @Test
    void aPhoneBehindNatIsLatchedWhereItReallyIsAndFollowedWhenItsNatRebindsButNeverToAStranger() throws Exception {
        RelayedCall call = relay.open("nat", timedOut::add);
        try (UdpPhone alice = new UdpPhone(); UdpPhone bob = new UdpPhone();
             UdpPhone stranger = new UdpPhone(InetAddress.getByName("127.0.0.2"));
             UdpPhone rebound = new UdpPhone(InetAddress.getByName("127.0.0.3"))) {
            call.caller().expect(new InetSocketAddress("127.0.0.5", 4000), Optional.empty(),
                    SignalledPeer.behindNat(InetAddress.getByName("127.0.0.9")), Set.of(PCMU), false, 8000);
            direct(call.callee(), bob);
            int seq = 0;
            for (int i = 0; i < 10; i++) {
                alice.sendRtp(call.caller().localRtp(), PCMU, seq++, 0xA);
                stranger.sendRtp(call.caller().localRtp(), PCMU, 30_000 + i, 0x5); // while alice talks: refused
                LockSupport.parkNanos(5_000_000);
            }
            bob.sendRtp(call.callee().localRtp(), PCMU, 1, 0xB);
            assertThat(UdpPhone.receive(alice.rtp, 1, 2000)).hasSize(1);
            List<UdpPhone.Arrival> atBob = UdpPhone.receive(bob.rtp, 200);
            assertThat(atBob).hasSize(10).allSatisfy(a -> assertThat(a.sequence()).isLessThan(10));
            assertThat(call.caller().stats().drops().foreignSource()).isEqualTo(10);

            Thread.sleep(600); // alice's NAT mapping is gone: her stream comes from a new address
            for (int i = 0; i < 8; i++) {
                rebound.sendRtp(call.caller().localRtp(), PCMU, seq++, 0xA);
                LockSupport.parkNanos(5_000_000);
            }
            await().atMost(Duration.ofSeconds(2)).until(() -> rebound.rtpAddress().equals(call.caller().latchedSource()));
            bob.sendRtp(call.callee().localRtp(), PCMU, 2, 0xB);
            assertThat(UdpPhone.receive(rebound.rtp, 1, 2000)).singleElement()
                    .satisfies(a -> assertThat(a.from()).isEqualTo(call.caller().localRtp()));
            assertThat(UdpPhone.receive(stranger.rtp, 100)).isEmpty();
            assertThat(call.caller().stats().latchEvents()).extracting(LatchEvent::why).containsExactly(
                    LatchEvent.Reason.FIRST_SOURCE_BEHIND_NAT, LatchEvent.Reason.SAME_STREAM_NEW_ADDRESS);
        }
    }

    @Test
    void silenceOnBothSidesTellsTheListenerOnceButNotWhileTheCallIsPaused() throws Exception {
        RelayedCall silent = relay.open("silent", timedOut::add);
        RelayedCall held = relay.open("held", timedOut::add);
        RelayedCall talking = relay.open("talking", timedOut::add);
        try (UdpPhone alice = new UdpPhone(); UdpPhone bob = new UdpPhone(); UdpPhone carol = new UdpPhone()) {
            for (RelayedCall call : List.of(silent, held, talking)) {
                direct(call.caller(), alice);
                direct(call.callee(), bob);
            }
            direct(talking.caller(), carol);
            held.callee().paused(true);
            long end = System.nanoTime() + 1_500_000_000L;
            for (int seq = 0; System.nanoTime() < end; seq++) {
                carol.sendRtp(talking.caller().localRtp(), PCMU, seq, 0xC); // one side talking is enough
                Thread.sleep(100);
            }
            assertThat(timedOut).containsExactly(silent);

            held.callee().paused(false); // resumed: the timeout counts from now
            await().atMost(Duration.ofSeconds(2)).until(() -> timedOut.contains(held));
            assertThat(timedOut).containsOnlyOnce(silent, held); // (talking times out too, now that carol stopped)
            assertThat(held.stats().paused()).isFalse();
        }
    }

    @Test
    void closingFreesEveryPortAndTheRangeCanBeUsedAgain() throws Exception {
        List<RelayedCall> calls = new ArrayList<>();
        for (int i = 0; i < PAIRS / 2; i++) {
            calls.add(relay.open("call-" + i, RelayListener.NONE));
        }
        assertThat(fixture.ports.inUse()).isEqualTo(PAIRS);
        assertThatThrownBy(() -> relay.open("one too many", RelayListener.NONE))
                .isInstanceOfSatisfying(MediaUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(MediaUnavailableException.Reason.PORTS_EXHAUSTED));
        assertThat(fixture.ports.inUse()).isEqualTo(PAIRS); // the failed open gave back the pair it took

        calls.forEach(RelayedCall::close);
        calls.forEach(RelayedCall::close); // idempotent
        assertThat(fixture.ports.inUse()).isZero();
        assertThat(relay.callCount()).isZero();
        for (int port = fixture.firstPort; port <= fixture.lastPort; port++) {
            try (DatagramChannel again = DatagramChannel.open()) {
                again.bind(new InetSocketAddress(RelayFixture.LOOPBACK, port)); // the kernel let go of every socket
            }
        }
        RelayedCall reopened = relay.open("after", RelayListener.NONE);
        assertThat(reopened.caller().localRtp().getPort()).isBetween(fixture.firstPort, fixture.lastPort);
        reopened.close();
        assertThat(fixture.ports.inUse()).isZero();
        assertThat(relay.callsOpened()).isEqualTo(PAIRS / 2 + 1);
    }

    @Test
    void aClosedRelayOpensNothing() {
        relay.close();
        assertThatThrownBy(() -> relay.open("late", RelayListener.NONE))
                .isInstanceOfSatisfying(MediaUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(MediaUnavailableException.Reason.CLOSED));
    }
}
