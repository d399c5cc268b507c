package com.crosspoint.relay.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crosspoint.media.engine.ReceivedRtp;
import com.crosspoint.media.engine.SignalledPeer;
import com.crosspoint.media.rtcp.NtpTime;
import com.crosspoint.media.rtcp.ReportBlock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The forwarding logic of a relayed call with the arrival times chosen by the test: packets are handed to the sides
 * as the forwarding thread would, and what they send goes out of real loopback sockets to two test phones. Latching
 * (signalled address, NAT, quiet re-latch, pinned SSRC), payload types, garbage, RTCP and the statistics.
 */
class RelaySideTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final int PCMU = 0;
    private static final int RELATCH = 5;
    private static final long ALICE_SSRC = 0xA11CEL;
    private static final long BOB_SSRC = 0xB0BL;

    private final List<DatagramChannel> relaySockets = new java.util.ArrayList<>();
    private RelaySide caller;
    private RelaySide callee;
    private UdpPhone alice;
    private UdpPhone bob;
    private UdpPhone stranger;
    private int aliceSeq = 100;
    private int bobSeq = 5000;

    @BeforeEach
    void open() throws IOException {
        caller = side("caller");
        callee = side("callee");
        new RelayedCall("c1", null, RelayListener.NONE, caller, callee);
        alice = new UdpPhone();
        bob = new UdpPhone();
        stranger = new UdpPhone(InetAddress.getByName("127.0.0.2"));
    }

    @AfterEach
    void close() throws IOException {
        for (DatagramChannel c : relaySockets) {
            c.close();
        }
        alice.close();
        bob.close();
        stranger.close();
    }

    private RelaySide side(String label) throws IOException {
        DatagramChannel rtp = bound();
        DatagramChannel rtcp = bound();
        return new RelaySide(label, new RelaySide.Sockets(rtp, rtcp,
                (InetSocketAddress) rtp.getLocalAddress()), new ReceivedRtp(), RELATCH, Clock.systemUTC());
    }

    private DatagramChannel bound() throws IOException {
        DatagramChannel c = DatagramChannel.open().bind(new InetSocketAddress(LOOPBACK, 0));
        relaySockets.add(c);
        return c;
    }

    /** The port the side's RTCP socket really has here (the sockets of this test are not a pair). */
    private static int rtcpPort(RelaySide side) throws IOException {
        return ((InetSocketAddress) side.rtcpChannel().getLocalAddress()).getPort();
    }

    private static void direct(RelaySide side, UdpPhone phone) {
        side.expect(phone.rtpAddress(), Optional.of(phone.rtcpAddress()), SignalledPeer.DIRECT, Set.of(PCMU, 101),
                false, 8000);
    }

    private void fromAlice(InetSocketAddress source, long millis) {
        fromAlice(source, millis, ALICE_SSRC);
    }

    private void fromAlice(InetSocketAddress source, long millis, long ssrc) {
        caller.onDatagram(UdpPhone.rtpPacket(PCMU, aliceSeq++, ssrc), source, false, millis * 1_000_000L);
    }

    private void fromBob(long millis) {
        callee.onDatagram(UdpPhone.rtpPacket(PCMU, bobSeq++, BOB_SSRC), bob.rtpAddress(), false, millis * 1_000_000L);
    }

    @Test
    void aPhoneNotBehindNatIsHeardOnlyFromItsSdpAddressAndEachPhoneHearsItsOwnRelayPort() throws IOException {
        direct(caller, alice);
        direct(callee, bob);
        fromAlice(stranger.rtpAddress(), 0);
        fromAlice(alice.rtpAddress(), 20);
        fromBob(20);

        List<UdpPhone.Arrival> atBob = UdpPhone.receive(bob.rtp, 200);
        assertThat(atBob).hasSize(1);
        assertThat(atBob.get(0).from()).isEqualTo(callee.localRtp()); // bob hears the port advertised to him
        assertThat(atBob.get(0).sequence()).isEqualTo(101);
        List<UdpPhone.Arrival> atAlice = UdpPhone.receive(alice.rtp, 200);
        assertThat(atAlice).extracting(UdpPhone.Arrival::from).containsExactly(caller.localRtp());
        assertThat(UdpPhone.receive(stranger.rtp, 100)).isEmpty();

        SideStats stats = caller.stats();
        assertThat(stats.drops().foreignSource()).isEqualTo(1);
        assertThat(stats.packets()).isEqualTo(1);
        assertThat(stats.bytes()).isEqualTo(172);
        assertThat(stats.latchedRtp()).isEqualTo(alice.rtpAddress());
        assertThat(stats.latchEvents()).singleElement().satisfies(e -> {
            assertThat(e.why()).isEqualTo(LatchEvent.Reason.SIGNALLED_ADDRESS);
            assertThat(e.from()).isNull();
            assertThat(e.to()).isEqualTo(alice.rtpAddress());
        });
        assertThat(callee.stats().traffic().rtpOut()).isEqualTo(1);
    }

    @Test
    void behindNatTheFirstSourceOfANegotiatedPayloadTypeLatchesAndGetsTheOtherSidesAudio() throws IOException {
        InetSocketAddress privateSdp = new InetSocketAddress("127.0.0.5", 4000); // nothing listens there
        caller.expect(privateSdp, Optional.empty(), SignalledPeer.behindNat(InetAddress.getByName("127.0.0.9")),
                Set.of(PCMU), false, 8000);
        direct(callee, bob);
        caller.onDatagram(UdpPhone.rtpPacket(8, 1, ALICE_SSRC), alice.rtpAddress(), false, 0); // PCMA: not agreed
        assertThat(caller.latchedSource()).isNull();
        fromAlice(alice.rtpAddress(), 20);
        fromBob(40);

        assertThat(caller.latchedSource()).isEqualTo(alice.rtpAddress());
        assertThat(UdpPhone.receive(alice.rtp, 1, 500)).extracting(UdpPhone.Arrival::from)
                .containsExactly(caller.localRtp());
        assertThat(UdpPhone.receive(bob.rtp, 1, 500)).hasSize(1);
        SideStats stats = caller.stats();
        assertThat(stats.signalledRtp()).isEqualTo(privateSdp);
        assertThat(stats.behindNat()).isTrue();
        assertThat(stats.drops().unknownPayload()).isEqualTo(1);
        assertThat(stats.latchEvents()).extracting(LatchEvent::why)
                .containsExactly(LatchEvent.Reason.FIRST_SOURCE_BEHIND_NAT);
    }

    @Test
    void aStrangersOwnStreamNeverTakesOverEvenWhenThePhoneIsQuiet() throws IOException {
        caller.expect(alice.rtpAddress(), Optional.empty(), SignalledPeer.behindNat(LOOPBACK), Set.of(PCMU), false,
                8000);
        direct(callee, bob);
        fromAlice(alice.rtpAddress(), 0);
        for (int i = 1; i <= 20; i++) {
            fromAlice(alice.rtpAddress(), 20L * i); // alice keeps talking
            fromAlice(stranger.rtpAddress(), 20L * i + 5, 0xBAD); // a stranger with its own SSRC, another host
        }
        for (int i = 0; i < 20; i++) {
            fromAlice(stranger.rtpAddress(), 2000 + 20L * i, 0xBAD); // alice silent for 1.6 s
        }
        assertThat(caller.latchedSource()).isEqualTo(alice.rtpAddress());
        assertThat(caller.stats().drops().foreignSource()).isEqualTo(40);
        assertThat(caller.stats().packets()).isEqualTo(21);
    }

    @Test
    void theSameStreamFromANewAddressTakesOverOnlyAfterTheLatchedSourceWentQuiet() throws IOException {
        caller.expect(alice.rtpAddress(), Optional.empty(), SignalledPeer.behindNat(InetAddress.getByName("127.0.0.9")),
                Set.of(PCMU), false, 8000);
        direct(callee, bob);
        try (UdpPhone rebound = new UdpPhone(InetAddress.getByName("127.0.0.3"))) {
            fromAlice(alice.rtpAddress(), 0);
            for (int i = 1; i <= RELATCH + 2; i++) {
                fromAlice(alice.rtpAddress(), 20L * i);
                fromAlice(rebound.rtpAddress(), 20L * i + 5); // same SSRC while the old address still sends
            }
            assertThat(caller.latchedSource()).isEqualTo(alice.rtpAddress());
            for (int i = 0; i < RELATCH; i++) {
                fromAlice(rebound.rtpAddress(), 1000 + 20L * i); // the old mapping went quiet: NAT rebinding
            }
            assertThat(caller.latchedSource()).isEqualTo(rebound.rtpAddress());
            fromBob(1200);
            assertThat(UdpPhone.receive(rebound.rtp, 1, 500)).extracting(UdpPhone.Arrival::from)
                    .containsExactly(caller.localRtp());
            assertThat(caller.stats().latchEvents()).extracting(LatchEvent::why).containsExactly(
                    LatchEvent.Reason.FIRST_SOURCE_BEHIND_NAT, LatchEvent.Reason.SAME_STREAM_NEW_ADDRESS);
            assertThat(caller.stats().relatches()).isEqualTo(1);
            assertThat(caller.stats().latchEvents().get(1).from()).isEqualTo(alice.rtpAddress());
        }
    }

    @Test
    void thePhonesSipHostReLatchesWithANewStreamAfterTheQuietPeriod() throws IOException {
        caller.expect(alice.rtpAddress(), Optional.empty(), SignalledPeer.behindNat(LOOPBACK), Set.of(PCMU), false,
                8000);
        direct(callee, bob);
        try (UdpPhone restarted = new UdpPhone()) { // same host as the phone's SIP, new port, new SSRC
            fromAlice(alice.rtpAddress(), 0);
            for (int i = 1; i <= RELATCH; i++) {
                fromAlice(alice.rtpAddress(), 20L * i);
                fromAlice(restarted.rtpAddress(), 20L * i + 5, 0x5EC0); // refused: alice is talking
            }
            assertThat(caller.latchedSource()).isEqualTo(alice.rtpAddress());
            for (int i = 0; i < RELATCH; i++) {
                fromAlice(restarted.rtpAddress(), 800 + 20L * i, 0x5EC0);
            }
            assertThat(caller.latchedSource()).isEqualTo(restarted.rtpAddress());
            assertThat(caller.stats().latchEvents()).extracting(LatchEvent::why).last()
                    .isEqualTo(LatchEvent.Reason.SIGNALLING_HOST_TOOK_OVER);
        }
    }

    @Test
    void aNewSdpAddressClearsTheLatchAndSaysWhy() throws IOException {
        direct(caller, alice);
        direct(callee, bob);
        fromAlice(alice.rtpAddress(), 0);
        try (UdpPhone moved = new UdpPhone()) {
            direct(caller, moved);
            assertThat(caller.latchedSource()).isNull();
            fromAlice(alice.rtpAddress(), 20); // the old address is not heard any more
            assertThat(caller.latchedSource()).isNull();
            fromAlice(moved.rtpAddress(), 40);
            assertThat(caller.latchedSource()).isEqualTo(moved.rtpAddress());
        }
        assertThat(caller.stats().latchEvents()).extracting(LatchEvent::why).containsExactly(
                LatchEvent.Reason.SIGNALLED_ADDRESS, LatchEvent.Reason.NEW_SDP, LatchEvent.Reason.SIGNALLED_ADDRESS);
    }

    @Test
    void lossAndJitterComeFromTheSequenceNumbersAndArrivalTimes() {
        direct(caller, alice);
        direct(callee, bob);
        for (int i = 0; i < 100; i++) {
            if (i % 10 == 5) {
                aliceSeq++; // every tenth packet lost on the way
                continue;
            }
            long jitter = i % 2 == 0 ? 0 : 8; // arrivals alternate 8 ms late
            caller.onDatagram(UdpPhone.rtpPacket(PCMU, aliceSeq++, ALICE_SSRC), alice.rtpAddress(), false,
                    (20L * i + jitter) * 1_000_000L);
        }
        SideStats stats = caller.stats();
        assertThat(stats.packets()).isEqualTo(90);
        assertThat(stats.lost()).isEqualTo(10);
        assertThat(stats.sent().lossPercent()).isBetween(9.0, 11.0);
        assertThat(stats.jitterMillis()).isBetween(4.0, 9.0);
        assertThat(stats.mos()).isLessThan(4.0).isGreaterThan(1.0);
        assertThat(callee.stats().mos()).isEqualTo(4.41, org.assertj.core.data.Offset.offset(0.05)); // nothing lost
    }

    @Test
    void garbageOversizeAndRtpOnTheRtcpPortAreCountedAndNeverRelayed() throws IOException {
        direct(caller, alice);
        direct(callee, bob);
        InetSocketAddress from = alice.rtpAddress();
        caller.onDatagram(ByteBuffer.wrap(new byte[] {0, 1, 0, 0}), from, false, 0); // STUN-looking
        caller.onDatagram(ByteBuffer.wrap(new byte[] {(byte) 0x80}), from, false, 0); // one byte
        caller.onDatagram(ByteBuffer.wrap(new byte[] {(byte) 0x80, 0, 0, 1}), from, false, 0); // RTP header cut short
        caller.onDatagram(UdpPhone.rtpPacket(PCMU, 1, ALICE_SSRC), alice.rtcpAddress(), true, 0); // RTP on RTCP port
        caller.onDatagram(ByteBuffer.wrap(UdpPhone.senderReport(ALICE_SSRC, NtpTime.fromUnixMillis(1000))), from,
                false, 0); // RTCP on the RTP port without rtcp-mux
        caller.oversize();
        assertThat(UdpPhone.receive(bob.rtp, 150)).isEmpty();
        assertThat(UdpPhone.receive(bob.rtcp, 50)).isEmpty();
        SideStats.Drops drops = caller.stats().drops();
        assertThat(drops.garbage()).isEqualTo(4);
        assertThat(drops.malformed()).isEqualTo(1);
        assertThat(drops.oversize()).isEqualTo(1);
        assertThat(caller.stats().packets()).isZero();
    }

    @Test
    void nothingIsRelayedBeforeTheSdpAndNothingIsSentToAPhoneWithoutAnAddress() throws IOException {
        fromAlice(alice.rtpAddress(), 0); // no expect() yet
        assertThat(caller.stats().drops().unknownPayload()).isEqualTo(1);
        direct(caller, alice);
        fromAlice(alice.rtpAddress(), 20); // callee has no SDP yet: nowhere to send
        assertThat(callee.stats().drops().noTarget()).isEqualTo(1);
        callee.expect(new InetSocketAddress("0.0.0.0", 4000), Optional.empty(), SignalledPeer.DIRECT, Set.of(PCMU),
                false, 8000); // RFC 2543 hold address
        fromAlice(alice.rtpAddress(), 40);
        assertThat(callee.stats().drops().noTarget()).isEqualTo(2);
    }

    @Test
    void rtcpIsRelayedFromThePhoneOnlyAndGivesWhatThePhoneHeardAndTheRoundTrip() throws IOException {
        direct(caller, alice);
        direct(callee, bob);
        fromAlice(alice.rtpAddress(), 0);
        NtpTime srTime = NtpTime.fromUnixMillis(1_700_000_000_000L);
        caller.onDatagram(ByteBuffer.wrap(UdpPhone.senderReport(ALICE_SSRC, srTime)), stranger.rtcpAddress(), true,
                0);
        caller.onDatagram(ByteBuffer.wrap(UdpPhone.senderReport(ALICE_SSRC, srTime)), alice.rtcpAddress(), true,
                System.nanoTime());
        List<UdpPhone.Arrival> atBob = UdpPhone.receive(bob.rtcp, 1, 500);
        assertThat(atBob).singleElement().satisfies(a -> {
            assertThat(a.from().getPort()).isEqualTo(rtcpPort(callee));
            assertThat(a.packetType()).isEqualTo(200);
        });
        // bob reports on alice's stream: 2 of 50 lost, 80 units jitter, echoing the SR 100 ms after it arrived
        ReportBlock block = new ReportBlock(ALICE_SSRC, 10, 2, 150, 80, srTime.compact(), 6554);
        callee.onDatagram(ByteBuffer.wrap(UdpPhone.receiverReport(BOB_SSRC, block)), bob.rtcpAddress(), true,
                System.nanoTime() + 130_000_000L);
        assertThat(UdpPhone.receive(alice.rtcp, 1, 500)).singleElement()
                .satisfies(a -> assertThat(a.from().getPort()).isEqualTo(rtcpPort(caller)));

        SideStats bobSide = callee.stats();
        assertThat(bobSide.heard()).hasValueSatisfying(q -> {
            assertThat(q.packetsLost()).isEqualTo(2);
            assertThat(q.jitterMillis()).isEqualTo(10.0);
            assertThat(q.rttMillis()).isBetween(20.0, 60.0); // 130 ms since relayed minus 100 ms held at bob
        });
        assertThat(bobSide.traffic().rtcpIn()).isEqualTo(1);
        assertThat(caller.stats().drops().foreignRtcp()).isEqualTo(1);
        assertThat(caller.stats().traffic().rtcpOut()).isEqualTo(1);
    }

    @Test
    void rtcpMuxTakesRtcpOnTheRtpPortAndSendsItThereToo() throws IOException {
        caller.expect(alice.rtpAddress(), Optional.empty(), SignalledPeer.DIRECT, Set.of(PCMU), true, 8000);
        direct(callee, bob);
        fromAlice(alice.rtpAddress(), 0);
        byte[] report = UdpPhone.senderReport(ALICE_SSRC, NtpTime.fromUnixMillis(5000));
        caller.onDatagram(ByteBuffer.wrap(report), alice.rtpAddress(), false, 0); // multiplexed
        assertThat(UdpPhone.receive(bob.rtcp, 1, 500)).hasSize(1); // bob does not multiplex: his RTCP port
        callee.onDatagram(ByteBuffer.wrap(UdpPhone.senderReport(BOB_SSRC, NtpTime.fromUnixMillis(6000))),
                bob.rtcpAddress(), true, 0);
        List<UdpPhone.Arrival> atAlice = UdpPhone.receive(alice.rtp, 2, 500); // alice's RTP port: RTP and RTCP
        assertThat(atAlice).extracting(UdpPhone.Arrival::packetType).contains(200);
        assertThat(atAlice).extracting(UdpPhone.Arrival::from).containsOnly(caller.localRtp());
    }

    @Test
    void payloadTypesThatReadAsRtcpOrNoneAtAllAreRefused() {
        assertThatThrownBy(() -> caller.expect(alice.rtpAddress(), Optional.empty(), SignalledPeer.DIRECT,
                Set.of(72), false, 8000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> caller.expect(alice.rtpAddress(), Optional.empty(), SignalledPeer.DIRECT, Set.of(),
                false, 8000)).isInstanceOf(IllegalArgumentException.class);
    }
}
