package com.crosspoint.media.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.crosspoint.media.codec.G711Ulaw;
import com.crosspoint.media.dtmf.DigitEvent;
import com.crosspoint.media.jitter.FrameKind;
import com.crosspoint.media.play.LoopPlayer;
import com.crosspoint.media.play.WavPlayer;
import com.crosspoint.media.quality.CallQuality;
import com.crosspoint.media.record.Recorder;
import com.crosspoint.media.rtp.RtpPacket;
import com.crosspoint.media.sdp.Direction;
import com.crosspoint.media.wav.WavAudio;
import com.crosspoint.media.wav.WavReader;
import com.crosspoint.media.wav.WavWriter;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real sessions over real UDP on 127.0.0.1, paced by the real clock. */
class MediaSessionTest {
    private static final byte[] SILENCE_PCMU = new byte[160];

    static {
        java.util.Arrays.fill(SILENCE_PCMU, (byte) 0xFF);
    }

    @TempDir
    Path dir;

    private EngineFixture fixture;
    private MediaEngine engine;

    @BeforeEach
    void start() throws Exception {
        fixture = new EngineFixture(EngineFixture.config(41000, 41099).withRtcpIntervalMillis(200));
        engine = fixture.engine;
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void aToneWavPlayedByOneSessionIsRecordedByTheOther() throws Exception {
        Path toneFile = dir.resolve("tone.wav");
        try (WavWriter writer = WavWriter.create(toneFile)) {
            writer.write(Goertzel.tone(1000, 1000, 8000));
            writer.finish();
        }
        short[] tone = WavReader.read(toneFile).samples();
        MediaSession[] p = fixture.pair(SessionListener.NONE, SessionListener.NONE);
        CompletableFuture<Recorder.Recording> recording = new CompletableFuture<>();
        p[1].sink(Recorder.start(dir.resolve("b.wav"), new Recorder.Limits(30, 1, -40), Runnable::run,
                recording::complete));
        CountDownLatch played = new CountDownLatch(1);
        p[0].play(new WavPlayer(tone, played::countDown));

        assertThat(played.await(5, TimeUnit.SECONDS)).isTrue();
        Recorder.Recording r = recording.get(5, TimeUnit.SECONDS);
        assertThat(r.reason()).isEqualTo(Recorder.Reason.SILENCE);
        WavAudio audio = WavReader.read(r.file());
        assertThat(audio.durationMillis()).isEqualTo(r.durationMillis()).isBetween(1900L, 2500L);
        // the loud part is the tone: 1000 ms, give or take a frame of jitter-buffer phase
        short[] s = audio.samples();
        int loudFrames = 0;
        int firstLoud = -1;
        for (int f = 0; f + 160 <= s.length; f += 160) {
            if (Goertzel.power(s, f, 160, 1000) > 1e6) {
                loudFrames++;
                firstLoud = firstLoud < 0 ? f : firstLoud;
            }
        }
        assertThat(loudFrames).isBetween(46, 52); // 50 frames; a late packet on a busy machine may be concealed
        double at1k = Goertzel.power(s, firstLoud, 4000, 1000);
        assertThat(at1k).isGreaterThan(0.8 * 8000 * 8000);
        for (double other : new double[] {500, 1500, 2000, 3000}) {
            assertThat(Goertzel.power(s, firstLoud, 4000, other)).isLessThan(at1k / 1000);
        }
        CallQuality q = p[1].quality();
        assertThat(q.packetsLost()).isZero();
        assertThat(q.packetsReceived()).isGreaterThan(50);
    }

    @Test
    void dtmfRoundTripsAsRfc4733() throws Exception {
        List<Character> digits = new CopyOnWriteArrayList<>();
        MediaSession[] p = fixture.pair(SessionListener.NONE, new SessionListener() {
            @Override
            public void onDigit(DigitEvent digit) {
                digits.add(digit.digit());
            }
        });
        p[0].play(new LoopPlayer(Goertzel.tone(440, 100, 4000)));
        assertThat(p[0].sendDigits("1234#")).isTrue();
        await().atMost(Duration.ofSeconds(3)).until(() -> digits.size() >= 5);
        Thread.sleep(300); // nothing more may come (each press once, despite its three end packets)
        assertThat(digits).containsExactly('1', '2', '3', '4', '#');
        assertThat(p[1].stats().digitsReceived()).isEqualTo(5);
        assertThatThrownBy(() -> p[0].sendDigits("1x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aKeyPressFromThePeerBargesIntoAPlaylist() throws Exception {
        CompletableFuture<com.crosspoint.media.play.PlaylistPlayer.Outcome> outcome = new CompletableFuture<>();
        com.crosspoint.media.play.PlaylistPlayer playlist = new com.crosspoint.media.play.PlaylistPlayer(
                List.of(Goertzel.tone(600, 3000, 5000), Goertzel.tone(800, 3000, 5000)), true, outcome::complete);
        MediaSession[] p = fixture.pair(new SessionListener() {
            @Override
            public void onDigit(DigitEvent digit) {
                playlist.interrupt(digit.digit());
            }
        }, SessionListener.NONE);
        p[0].play(playlist);
        long start = System.nanoTime();
        Thread.sleep(300);
        assertThat(outcome).isNotDone();
        assertThat(p[1].sendDigits("5")).isTrue();
        assertThat(outcome.get(2, TimeUnit.SECONDS)).isEqualTo(new com.crosspoint.media.play.PlaylistPlayer.Outcome(
                true, '5'));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2000)); // not 6 s
        await().atMost(Duration.ofSeconds(1)).until(() -> p[0].playing() == null); // silence from now on
    }

    @Test
    void rtcpMultiplexedOnTheRtpPortIsReadAsRtcp() throws Exception {
        MediaSession s = engine.open(SessionRequest.of("mux"));
        try (RawPeer peer = new RawPeer()) {
            s.update(EngineFixture.pcmu(peer.port(), Direction.SENDRECV));
            byte[] rr = new com.crosspoint.media.rtcp.RtcpCompoundPacket(List.of(
                    new com.crosspoint.media.rtcp.ReceiverReport(42, List.of()))).toBytes();
            peer.send(rr, s.localPort());
            await().atMost(Duration.ofSeconds(1)).until(() -> s.stats().rtcpReceived() == 1);
            assertThat(s.stats().garbage()).isZero();
            assertThat(s.stats().malformed()).isZero();
        }
    }

    @Test
    void noTelephoneEventNegotiatedMeansNoDigitsSent() throws Exception {
        MediaSession a = engine.open(SessionRequest.of("A"));
        a.update(new com.crosspoint.media.sdp.MediaParameters(G711Ulaw.INSTANCE, 0, -1,
                new InetSocketAddress(EngineFixture.LOOPBACK, 9), null, Direction.SENDRECV, 20));
        assertThat(a.sendDigits("1")).isFalse();
    }

    @Test
    void fivePercentLossShowsInQualityAndLowersMos() throws Exception {
        CallQuality clean = receiveStream(0);
        CallQuality lossy = receiveStream(20);
        assertThat(clean.packetsLost()).isZero();
        assertThat(clean.lossPercent()).isZero();
        assertThat(lossy.lossPercent()).isBetween(4.5, 5.5);
        assertThat(lossy.mos()).isLessThan(clean.mos() - 0.3);
    }

    /** 1000 packets from a raw sender, every {@code dropEvery}-th not sent (0 = none dropped). */
    private CallQuality receiveStream(int dropEvery) throws Exception {
        MediaSession b = engine.open(SessionRequest.of("B"));
        try (RawPeer sender = new RawPeer()) {
            b.update(EngineFixture.pcmu(sender.port(), Direction.SENDRECV));
            int sent = 0;
            for (int i = 0; i < 1000; i++) {
                if (dropEvery > 0 && i % dropEvery == 10) {
                    continue;
                }
                sender.sendRtp(0, 65000 + i, 160L * i, 0x1234, SILENCE_PCMU, b.localPort()); // wraps at 65535
                sent++;
                if (i % 10 == 0) {
                    Thread.sleep(2); // gentle enough that the socket buffer never overflows on a busy machine
                }
            }
            int expectedReceived = sent - 1; // A.1: the probation packet is not counted
            await().atMost(Duration.ofSeconds(3)).until(() -> b.quality().packetsReceived() >= expectedReceived);
            CallQuality q = b.quality();
            b.close();
            assertThat(b.closed().get(1, TimeUnit.SECONDS)).isEqualTo(q);
            return q;
        }
    }

    @Test
    void rtcpMeasuresASmallPositiveRoundTrip() throws Exception {
        MediaSession[] p = fixture.pair(SessionListener.NONE, SessionListener.NONE);
        await().atMost(Duration.ofSeconds(4)).until(() -> p[0].quality().rttMillis() != null
                && p[1].quality().rttMillis() != null);
        for (MediaSession s : p) {
            // loopback: tens of microseconds on the wire plus receive-thread wake-ups, which on a shared
            // 2-core machine can reach several milliseconds; anything near a WAN round trip is a bug
            assertThat(s.quality().rttMillis()).isPositive().isLessThan(100.0);
            assertThat(s.stats().rtcpSent()).isPositive();
            assertThat(s.stats().rtcpReceived()).isPositive();
        }
    }

    @Test
    void sendonlyIgnoresWhatArrivesAndInactiveSendsNothing() throws Exception {
        MediaSession s = engine.open(SessionRequest.of("held"));
        try (RawPeer peer = new RawPeer()) {
            s.update(EngineFixture.pcmu(peer.port(), Direction.SENDONLY));
            for (int i = 0; i < 20; i++) {
                peer.sendRtp(0, i, 160L * i, 99, SILENCE_PCMU, s.localPort());
            }
            List<RtpPacket> got = peer.receive(200);
            assertThat(got).isNotEmpty(); // music on hold goes out
            await().atMost(Duration.ofSeconds(1)).until(() -> s.stats().ignoredOnHold() == 20);
            assertThat(s.stats().rtpReceived()).isZero();
            assertThat(s.quality().packetsReceived()).isZero();
            assertThat(s.quality().lossPercent()).isZero();

            s.update(EngineFixture.pcmu(peer.port(), Direction.INACTIVE));
            peer.receive(60);
            long due = s.stats().framesDue();
            assertThat(peer.receive(300)).isEmpty();
            assertThat(s.stats().framesDue()).isEqualTo(due);

            s.update(EngineFixture.pcmu(peer.port(), Direction.SENDRECV)); // resume
            List<RtpPacket> resumed = peer.receive(200);
            assertThat(resumed).isNotEmpty();
            assertThat(resumed.get(0).marker()).isTrue(); // a new talkspurt after the pause
        }
    }

    @Test
    void recvonlySendsNothingButReceives() throws Exception {
        MediaSession s = engine.open(SessionRequest.of("listen"));
        try (RawPeer peer = new RawPeer()) {
            s.update(EngineFixture.pcmu(peer.port(), Direction.RECVONLY));
            for (int i = 0; i < 10; i++) {
                peer.sendRtp(0, i, 160L * i, 99, SILENCE_PCMU, s.localPort());
            }
            assertThat(peer.receive(200)).isEmpty();
            await().atMost(Duration.ofSeconds(1)).until(() -> s.stats().rtpReceived() == 10);
        }
    }

    @Test
    void closeReleasesThePortsAndCompletesWithTheFinalQuality() throws Exception {
        MediaSession s = engine.open(SessionRequest.of("c"));
        int port = s.localPort();
        assertThat(port % 2).isZero();
        assertThat(engine.ports().inUse()).isEqualTo(1);
        assertThat(engine.sessionCount()).isEqualTo(1);
        s.close();
        s.close(); // idempotent
        assertThat(s.closed()).isCompleted();
        assertThat(engine.ports().inUse()).isZero();
        assertThat(engine.sessionCount()).isZero();
        try (DatagramSocket rtp = new DatagramSocket(new InetSocketAddress(EngineFixture.LOOPBACK, port));
             DatagramSocket rtcp = new DatagramSocket(new InetSocketAddress(EngineFixture.LOOPBACK, port + 1))) {
            assertThat(rtp.getLocalPort()).isEqualTo(port);
            assertThat(rtcp.getLocalPort()).isEqualTo(port + 1);
        }
    }

    @Test
    void badInputNeverHurtsTheTargetNorAnotherSession() throws Exception {
        AtomicInteger playedAtB = new AtomicInteger();
        MediaSession[] p = fixture.pair(SessionListener.NONE, SessionListener.NONE);
        p[0].play(new LoopPlayer(Goertzel.tone(1000, 100, 8000)));
        p[1].sink((frame, kind) -> {
            if (kind == FrameKind.PLAYED) {
                playedAtB.incrementAndGet();
            }
        });
        List<Character> digits = new CopyOnWriteArrayList<>();
        MediaSession target = engine.open(new SessionRequest("target", null, new SessionListener() {
            @Override
            public void onDigit(DigitEvent digit) {
                digits.add(digit.digit());
            }
        }));
        try (RawPeer attacker = new RawPeer()) {
            target.update(EngineFixture.pcmu(attacker.port(), Direction.SENDRECV));
            int port = target.localPort();
            Random random = new Random(42);
            attacker.sendRtp(0, 1, 160, 5, SILENCE_PCMU, port); // latch onto the attacker first
            await().atMost(Duration.ofSeconds(2)).until(() -> playedAtB.get() >= 10); // B plays steadily
            int before = playedAtB.get();
            long start = System.nanoTime();
            for (int round = 0; round < 200; round++) {
                byte[] noise = new byte[random.nextInt(1400) + 1];
                random.nextBytes(noise);
                attacker.send(noise, port);                                        // garbage
                attacker.send(noise, port + 1);                                    // garbage RTCP
                attacker.send(new byte[] {(byte) 0x8F, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0}, port); // 15 CSRCs, cut
                attacker.send(new byte[] {0, 1, 0, 0}, port);                     // a STUN-looking start
                attacker.sendRtp(96, round, 160L * round, 5, SILENCE_PCMU, port);  // unknown payload type
                attacker.sendRtp(0, round, 160L * round, 1000 + round, SILENCE_PCMU, port); // new SSRC each time
                attacker.sendRtp(0, 65530 + round, 160L * round, 6, SILENCE_PCMU, port);   // wraps
                attacker.sendRtp(0, round, 160L * round, 6, new byte[37], port);  // wrong frame size
                attacker.sendRtp(101, round, 160L * round, 6, new byte[] {1, 2}, port); // short DTMF payload
                Thread.sleep(4); // about a second of blast, so a stalled clock or receiver would show
            }
            await().atMost(Duration.ofSeconds(3)).until(() -> {
                SessionStats st = target.stats();
                return st.unknownPayload() >= 200 && st.ssrcChanges() >= 200 && st.malformed() >= 200;
            });
            SessionStats st = target.stats();
            assertThat(st.garbage()).isPositive();
            // B kept receiving A's audio in real time while the blast went on
            long elapsedTicks = (System.nanoTime() - start) / 20_000_000L;
            assertThat(playedAtB.get() - before).isGreaterThanOrEqualTo((int) elapsedTicks - 5);
            assertThat(p[1].quality().packetsLost()).isZero();
            // and the target still works: a clean stream is received and DTMF still decodes
            MediaSession checker = engine.open(SessionRequest.of("checker"));
            long received = target.stats().rtpReceived();
            for (int i = 0; i < 20; i++) {
                attacker.sendRtp(0, 30000 + i, 800_000 + 160L * i, 77, SILENCE_PCMU, port);
            }
            await().atMost(Duration.ofSeconds(2)).until(() -> target.stats().rtpReceived() >= received + 20);
            checker.update(EngineFixture.pcmu(target.localPort(), Direction.SENDRECV));
            target.update(EngineFixture.pcmu(checker.localPort(), Direction.SENDRECV));
            digits.clear();
            assertThat(checker.sendDigits("9")).isTrue();
            await().atMost(Duration.ofSeconds(2)).until(() -> digits.contains('9'));
            assertThat(engine.tickErrors()).isZero();
            assertThat(engine.pacing().failures()).isZero();
            checker.close();
        }
    }

    @Test
    void portsRunOutWithATypedRefusalAndComeBackOnClose() throws Exception {
        try (EngineFixture small = new EngineFixture(EngineFixture.config(41200, 41203))) {
            MediaSession one = small.engine.open(SessionRequest.of("1"));
            MediaSession two = small.engine.open(SessionRequest.of("2"));
            assertThat(List.of(one.localPort(), two.localPort())).containsExactlyInAnyOrder(41200, 41202);
            assertThatThrownBy(() -> small.engine.open(SessionRequest.of("3")))
                    .isInstanceOf(MediaUnavailableException.class)
                    .satisfies(e -> assertThat(((MediaUnavailableException) e).reason())
                            .isEqualTo(MediaUnavailableException.Reason.PORTS_EXHAUSTED));
            one.close();
            assertThat(small.engine.open(SessionRequest.of("4")).localPort()).isEqualTo(one.localPort());
        }
    }

    @Test
    void aClosedEngineRefusesAndClosesItsSessions() throws Exception {
        MediaSession s = engine.open(SessionRequest.of("x"));
        fixture.close();
        assertThat(s.isClosed()).isTrue();
        assertThat(s.closed()).isCompleted();
        assertThatThrownBy(() -> engine.open(SessionRequest.of("y")))
                .isInstanceOf(MediaUnavailableException.class)
                .satisfies(e -> assertThat(((MediaUnavailableException) e).reason())
                        .isEqualTo(MediaUnavailableException.Reason.CLOSED));
    }
}
