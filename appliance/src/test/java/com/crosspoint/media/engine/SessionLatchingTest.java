package com.crosspoint.media.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.media.codec.G711Ulaw;
import com.crosspoint.media.rtcp.ReceiverReport;
import com.crosspoint.media.rtcp.RtcpCompoundPacket;
import com.crosspoint.media.sdp.Direction;
import com.crosspoint.media.sdp.MediaParameters;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Where a session takes RTP from and sends RTP and RTCP to, over real loopback sockets: the SDP address alone for a
 * peer not behind NAT, the latched source (and re-latching) for one behind NAT, and never a stranger.
 */
class SessionLatchingTest {
    private static final byte[] SILENCE_PCMU = RtpDatagrams.SILENCE_PCMU;
    private static final byte[] RECEIVER_REPORT = new RtcpCompoundPacket(List.of(new ReceiverReport(42, List.of())))
            .toBytes();

    private EngineFixture fixture;
    private MediaEngine engine;

    @BeforeEach
    void start() throws Exception {
        fixture = new EngineFixture(EngineFixture.config(41100, 41199).withRtcpIntervalMillis(200));
        engine = fixture.engine;
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void rtcpFollowsTheLatchedHostOnlyNeverAStrangerForAPeerBehindNat() throws Exception {
        MediaSession s = engine.open(new SessionRequest("rtcp", null, SignalledPeer.behindNat(EngineFixture.LOOPBACK),
                SessionListener.NONE));
        try (RawPeer rtpPeer = new RawPeer(); RawPeer sdpRtcp = new RawPeer(); RawPeer peerRtcp = new RawPeer();
             RawPeer stranger = new RawPeer(java.net.InetAddress.getByName("127.0.0.2"))) {
            s.update(withRtcp(rtpPeer, sdpRtcp));
            InetSocketAddress ourRtcp = new InetSocketAddress(EngineFixture.LOOPBACK, s.localPort() + 1);
            for (int i = 0; i < 3; i++) {
                stranger.sendTo(RECEIVER_REPORT, ourRtcp); // another host: counted, but our reports do not move
            }
            await().atMost(Duration.ofSeconds(1)).until(() -> s.stats().rtcpReceived() == 3);
            assertThat(sdpRtcp.count(700)).isPositive(); // interval 200 ms x 0.5..1.5
            assertThat(stranger.count(100)).isZero();

            peerRtcp.sendTo(RECEIVER_REPORT, ourRtcp); // the peer's host, another port (NAT): reports follow it
            await().atMost(Duration.ofSeconds(1)).until(() -> s.stats().rtcpReceived() == 4);
            sdpRtcp.count(50);
            assertThat(peerRtcp.count(700)).isPositive();
            assertThat(sdpRtcp.count(100)).isZero();
        }
    }

    @Test
    void rtcpStaysAtTheSdpAddressForAPeerNotBehindNat() throws Exception {
        MediaSession s = engine.open(SessionRequest.of("rtcp"));
        try (RawPeer rtpPeer = new RawPeer(); RawPeer sdpRtcp = new RawPeer(); RawPeer sameHost = new RawPeer()) {
            s.update(withRtcp(rtpPeer, sdpRtcp));
            InetSocketAddress ourRtcp = new InetSocketAddress(EngineFixture.LOOPBACK, s.localPort() + 1);
            sameHost.sendTo(RECEIVER_REPORT, ourRtcp); // the peer's host, a port nobody signalled
            await().atMost(Duration.ofSeconds(1)).until(() -> s.stats().rtcpReceived() == 1);
            assertThat(sdpRtcp.count(700)).isPositive();
            assertThat(sameHost.count(700)).isZero();
        }
    }

    @Test
    void onlyTheSdpAddressLatchesUnlessTheSignallingSaysNat() throws Exception {
        List<InetSocketAddress> latched = new CopyOnWriteArrayList<>();
        MediaSession s = engine.open(new SessionRequest("S", null, new SessionListener() {
            @Override
            public void onLatched(InetSocketAddress source) {
                latched.add(source);
            }
        }));
        try (RawPeer sdpAddress = new RawPeer(); RawPeer nat = new RawPeer()) {
            MediaParameters media = EngineFixture.pcmu(sdpAddress.port(), Direction.SENDRECV);
            s.update(media);
            for (int i = 0; i < 20; i++) {
                nat.sendRtp(0, i, 160L * i, 7, SILENCE_PCMU, s.localPort());
            }
            await().atMost(Duration.ofSeconds(2)).until(() -> s.stats().foreignSource() == 20);
            assertThat(latched).isEmpty();
            assertThat(nat.receive(150)).isEmpty();
            assertThat(sdpAddress.receive(150)).isNotEmpty(); // still the SDP address

            s.update(media, SignalledPeer.behindNat(EngineFixture.LOOPBACK)); // a re-INVITE showed NAT
            assertThat(s.peer().behindNat()).isTrue();
            nat.sendRtp(0, 20, 160L * 20, 7, SILENCE_PCMU, s.localPort());
            await().atMost(Duration.ofSeconds(2)).until(() -> latched.size() == 1);
            assertThat(latched.get(0).getPort()).isEqualTo(nat.port());
            sdpAddress.receive(60);
            assertThat(nat.receive(150)).isNotEmpty();
        } finally {
            s.close();
        }
    }

    private static MediaParameters withRtcp(RawPeer rtp, RawPeer rtcp) {
        return new MediaParameters(G711Ulaw.INSTANCE, 0, 101, new InetSocketAddress(EngineFixture.LOOPBACK,
                rtp.port()), new InetSocketAddress(EngineFixture.LOOPBACK, rtcp.port()), Direction.SENDRECV, 20);
    }

    @Test
    void behindNatRtpLatchesOntoTheSourceAndRelatchesAfterNPackets() throws Exception {
        List<InetSocketAddress> latched = new CopyOnWriteArrayList<>();
        MediaSession s = engine.open(new SessionRequest("S", null, SignalledPeer.behindNat(EngineFixture.LOOPBACK),
                new SessionListener() {
            @Override
            public void onLatched(InetSocketAddress source) {
                latched.add(source);
            }
        }));
        try (RawPeer sdpAddress = new RawPeer(); RawPeer nat = new RawPeer(); RawPeer rebound = new RawPeer()) {
            s.update(EngineFixture.pcmu(sdpAddress.port(), Direction.SENDRECV));
            assertThat(sdpAddress.receive(150)).isNotEmpty(); // before any packet: the SDP address

            nat.sendRtp(0, 1, 160, 7, SILENCE_PCMU, s.localPort());
            await().atMost(Duration.ofSeconds(2)).until(() -> latched.size() == 1);
            assertThat(latched.get(0).getPort()).isEqualTo(nat.port());
            assertThat(s.sendTarget().getPort()).isEqualTo(nat.port());
            sdpAddress.receive(60); // drain what was in flight
            assertThat(nat.receive(150)).isNotEmpty();
            assertThat(sdpAddress.receive(150)).isEmpty();

            int n = engine.config().relatchPackets();
            Thread.sleep(QuietTakeover.QUIET_NANOS / 1_000_000 + 100); // the old address went quiet
            for (int i = 0; i < n - 1; i++) {
                rebound.sendRtp(0, 100 + i, 16000 + 160L * i, 7, SILENCE_PCMU, s.localPort());
            }
            Thread.sleep(100);
            assertThat(s.sendTarget().getPort()).isEqualTo(nat.port()); // N-1 strays do not move it
            assertThat(s.stats().foreignSource()).isEqualTo(n - 1);
            rebound.sendRtp(0, 100 + n, 16000 + 160L * n, 7, SILENCE_PCMU, s.localPort());
            await().atMost(Duration.ofSeconds(2)).until(() -> latched.size() == 2);
            assertThat(s.sendTarget().getPort()).isEqualTo(rebound.port());
            assertThat(s.stats().relatches()).isEqualTo(1);
            nat.receive(60);
            assertThat(rebound.receive(150)).isNotEmpty();
        }
    }

    @Test
    void aForeignSourceCannotTakeOverWhileTheLatchedOneKeepsSending() throws Exception {
        MediaSession s = engine.open(new SessionRequest("S", null, new SessionListener() { }));
        try (RawPeer phone = new RawPeer(); RawPeer attacker = new RawPeer()) {
            s.update(EngineFixture.pcmu(phone.port(), Direction.SENDRECV));
            int n = engine.config().relatchPackets();
            for (int i = 0; i < 40; i++) { // 800 ms of the phone talking, and a burst from elsewhere in each 20 ms
                phone.sendRtp(0, i, 160L * i, 7, SILENCE_PCMU, s.localPort());
                for (int k = 0; k < n; k++) {
                    attacker.sendRtp(0, 1000 + i * n + k, 160L * (i * n + k), 9, SILENCE_PCMU, s.localPort());
                }
                Thread.sleep(20);
            }
            await().atMost(Duration.ofSeconds(2)).until(() -> s.stats().foreignSource() >= 40L * n);
            assertThat(s.stats().relatches()).isZero();
            assertThat(s.sendTarget().getPort()).isEqualTo(phone.port());
        } finally {
            s.close();
        }
    }
}
