package com.crosspoint.media.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.crosspoint.media.codec.G711Ulaw;
import com.crosspoint.media.rtcp.Goodbye;
import com.crosspoint.media.rtcp.NtpTime;
import com.crosspoint.media.rtcp.ReceiverReport;
import com.crosspoint.media.rtcp.ReportBlock;
import com.crosspoint.media.rtcp.RtcpCompoundPacket;
import com.crosspoint.media.rtcp.RtcpPacket;
import com.crosspoint.media.rtcp.SenderReport;
import com.crosspoint.media.rtcp.SourceDescription;
import com.crosspoint.media.sdp.Direction;
import com.crosspoint.media.sdp.MediaParameters;
import java.net.DatagramPacket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The reporter with a real receiver and sender, a fixed wall clock, and a socket catching its reports. */
class RtcpReporterTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final int INTERVAL_MILLIS = 200;

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final SourceLatch latch = new SourceLatch(new QuietTakeover(5));
    private DatagramChannel rtp;
    private DatagramChannel rtcp;
    private RawPeer peerRtp;
    private RawPeer peerRtcp;
    private MediaParameters stream;
    private RtpSender sender;
    private LatchingReceiver receiver;
    private RtcpReporter reporter;

    @BeforeEach
    void open() throws Exception {
        MediaEngine engine = new MediaEngine(MediaConfig.DEFAULTS.withRtcpIntervalMillis(INTERVAL_MILLIS),
                EngineFixture.LOOPBACK, Clock.fixed(NOW, ZoneOffset.UTC), executor, executor);
        rtp = DatagramChannel.open().bind(new InetSocketAddress(EngineFixture.LOOPBACK, 0));
        rtcp = DatagramChannel.open().bind(new InetSocketAddress(EngineFixture.LOOPBACK, 0));
        peerRtp = new RawPeer();
        peerRtcp = new RawPeer();
        stream = new MediaParameters(G711Ulaw.INSTANCE, 0, 101,
                new InetSocketAddress(EngineFixture.LOOPBACK, peerRtp.port()),
                new InetSocketAddress(EngineFixture.LOOPBACK, peerRtcp.port()), Direction.SENDRECV, 20);
        DtmfPath dtmf = new DtmfPath(digit -> { });
        sender = new RtpSender("test", rtp, latch, dtmf);
        receiver = new LatchingReceiver(latch, new DecodingConsumer(3, dtmf), (d, f, s) -> reporter.onRtcp(d, f, s),
                source -> { });
        reporter = new RtcpReporter("test", rtcp, receiver, sender, engine);
    }

    @AfterEach
    void close() throws Exception {
        peerRtp.close();
        peerRtcp.close();
        rtp.close();
        rtcp.close();
        executor.shutdownNow();
    }

    private List<RtcpPacket> nextReport() throws Exception {
        DatagramPacket datagram = new DatagramPacket(new byte[1500], 1500);
        long end = System.currentTimeMillis() + 1000;
        while (System.currentTimeMillis() < end) {
            try {
                peerRtcp.channel.socket().receive(datagram);
                return RtcpCompoundPacket.parse(ByteBuffer.wrap(datagram.getData(), 0, datagram.getLength()))
                        .packets();
            } catch (SocketTimeoutException e) {
                // until the end
            }
        }
        throw new AssertionError("no RTCP within a second");
    }

    private NtpTime ntp(Instant instant) {
        return NtpTime.fromUnixMillis(instant.toEpochMilli());
    }

    @Test
    void aReceiverReportUntilRtpWasSentThenASenderReportAndByeAtTheEnd() throws Exception {
        reporter.send(false, stream);
        List<RtcpPacket> first = nextReport();
        assertThat(first.get(0)).isEqualTo(new ReceiverReport(sender.ssrc(), List.of()));
        assertThat(first.get(1)).isInstanceOfSatisfying(SourceDescription.class, sdes ->
                assertThat(sdes.chunks().get(0).cname()).contains("crosspoint-" + Long.toHexString(sender.ssrc())
                        + "@127.0.0.1"));
        for (int i = 0; i < 3; i++) {
            sender.tick(stream);
        }
        reporter.send(true, stream);
        List<RtcpPacket> last = nextReport();
        assertThat(last.get(0)).isInstanceOfSatisfying(SenderReport.class, sr -> {
            assertThat(sr.ssrc()).isEqualTo(sender.ssrc());
            assertThat(sr.packetCount()).isEqualTo(3);
            assertThat(sr.octetCount()).isEqualTo(480);
            assertThat(sr.rtpTimestamp()).isEqualTo(sender.timestamp());
            assertThat(sr.ntpTime().toUnixMillis()).isEqualTo(NOW.toEpochMilli());
        });
        assertThat(last).last().isEqualTo(new Goodbye(List.of(sender.ssrc()), null));
        assertThat(reporter.sent()).isEqualTo(2);
    }

    @Test
    void aReportIsDueOnceARandomisedIntervalHasPassed() {
        long now = System.nanoTime();
        reporter.tick(now, stream);
        assertThat(reporter.sent()).isZero(); // the first is due 0.5 to 1.5 intervals after the start
        reporter.tick(now + 2L * INTERVAL_MILLIS * 1_000_000L, stream);
        assertThat(reporter.sent()).isEqualTo(1);
        reporter.tick(now + 2L * INTERVAL_MILLIS * 1_000_000L + 1, stream);
        assertThat(reporter.sent()).isEqualTo(1);
    }

    @Test
    void theRoundTripComesFromTheBlockAboutUsAndThePeersSenderReportIsEchoed() throws Exception {
        InetSocketAddress phone = new InetSocketAddress(EngineFixture.LOOPBACK, peerRtp.port());
        for (int i = 0; i < 5; i++) {
            receiver.onDatagram(RtpDatagrams.pcmu(i, 0xCAFE), phone, false, i * 20_000_000L, stream);
        }
        long lsr = ntp(NOW.minusMillis(100)).compact();
        long dlsr = NtpTime.durationToCompact(Duration.ofMillis(40));
        ReportBlock aboutUs = new ReportBlock(sender.ssrc(), 0, 0, 0, 0, lsr, dlsr);
        ReportBlock aboutAnother = new ReportBlock(sender.ssrc() ^ 1, 0, 0, 0, 0, lsr, 0);
        NtpTime peerClock = ntp(NOW.minusMillis(500));
        byte[] report = new RtcpCompoundPacket(List.of(new SenderReport(0xCAFE, peerClock, 1, 5, 800,
                List.of(aboutAnother, aboutUs)))).toBytes();
        receiver.onDatagram(ByteBuffer.wrap(report), new InetSocketAddress(EngineFixture.LOOPBACK, peerRtcp.port()),
                true, 0, stream); // from the latched host: our reports go back to where it came from

        assertThat(reporter.received()).isEqualTo(1);
        assertThat(reporter.rttMillis()).isCloseTo(60.0, within(0.1));
        reporter.send(false, stream);
        List<RtcpPacket> ours = nextReport();
        assertThat(ours.get(0)).isInstanceOfSatisfying(ReceiverReport.class, rr ->
                assertThat(rr.reports()).singleElement().satisfies(block -> {
                    assertThat(block.ssrc()).isEqualTo(0xCAFE);
                    assertThat(block.lastSenderReport()).isEqualTo(peerClock.compact());
                }));
    }

    @Test
    void rtcpThatDoesNotParseIsCountedAndChangesNothing() {
        receiver.onDatagram(ByteBuffer.wrap(new byte[] {(byte) 0x80, (byte) 200, 0, 50}), new InetSocketAddress(
                EngineFixture.LOOPBACK, 9), true, 0, stream);
        assertThat(reporter.malformed()).isEqualTo(1);
        assertThat(reporter.received()).isZero();
        assertThat(reporter.rttMillis()).isNull();
    }
}
