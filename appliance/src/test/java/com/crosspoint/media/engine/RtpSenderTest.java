package com.crosspoint.media.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.media.codec.G711Ulaw;
import com.crosspoint.media.rtp.RtpPacket;
import com.crosspoint.media.sdp.Direction;
import com.crosspoint.media.sdp.MediaParameters;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The send path ticked by hand, its packets caught by a real socket on 127.0.0.1. */
class RtpSenderTest {
    private final SourceLatch latch = new SourceLatch(new QuietTakeover(5));
    private final DtmfPath dtmf = new DtmfPath(digit -> { });
    private DatagramChannel channel;
    private RtpSender sender;
    private RawPeer peer;

    @BeforeEach
    void open() throws Exception {
        channel = DatagramChannel.open().bind(new InetSocketAddress(EngineFixture.LOOPBACK, 0));
        sender = new RtpSender("test", channel, latch, dtmf);
        peer = new RawPeer();
    }

    @AfterEach
    void close() throws Exception {
        peer.close();
        channel.close();
    }

    private MediaParameters stream(Direction direction) {
        return new MediaParameters(G711Ulaw.INSTANCE, 0, 101, new InetSocketAddress(EngineFixture.LOOPBACK,
                peer.port()), null, direction, 20);
    }

    @Test
    void oneSsrcConsecutiveSequenceNumbersAndAClockThatRunsThroughPauses() throws Exception {
        sender.play(frame -> {
            java.util.Arrays.fill(frame, (short) 1000);
            return true;
        });
        for (int i = 0; i < 3; i++) {
            sender.tick(stream(Direction.SENDRECV));
        }
        sender.tick(stream(Direction.INACTIVE)); // held: nothing sent, the RTP clock goes on
        sender.tick(stream(Direction.RECVONLY));
        sender.tick(stream(Direction.SENDRECV));
        List<RtpPacket> got = peer.receive(200);
        assertThat(got).hasSize(4);
        RtpPacket first = got.get(0);
        assertThat(got).extracting(RtpPacket::ssrc).containsOnly(sender.ssrc());
        assertThat(got).extracting(RtpPacket::payloadType).containsOnly(0);
        assertThat(got).extracting(RtpPacket::sequenceNumber).containsExactly(first.sequenceNumber(),
                (first.sequenceNumber() + 1) & 0xFFFF, (first.sequenceNumber() + 2) & 0xFFFF,
                (first.sequenceNumber() + 3) & 0xFFFF);
        assertThat(got).extracting(p -> (p.timestamp() - first.timestamp()) & 0xFFFF_FFFFL)
                .containsExactly(0L, 160L, 320L, 800L);
        assertThat(got).extracting(RtpPacket::marker).containsExactly(true, false, false, true); // talkspurts
        assertThat(first.payload()).hasSize(160).containsOnly(G711Ulaw.encodeSample(1000));
        assertThat(sender.framesDue()).isEqualTo(4);
        assertThat(sender.packetsSent()).isEqualTo(4);
        assertThat(sender.octetsSent()).isEqualTo(640);
        assertThat(sender.timestamp()).isEqualTo((first.timestamp() + 6 * 160) & 0xFFFF_FFFFL);
    }

    @Test
    void rtpGoesToTheSdpAddressUntilASourceLatches() throws Exception {
        MediaParameters stream = stream(Direction.SENDRECV);
        assertThat(sender.target(null)).isNull();
        assertThat(sender.target(stream)).isEqualTo(stream.remoteRtp());
        try (RawPeer nat = new RawPeer()) {
            InetSocketAddress natAddress = new InetSocketAddress(EngineFixture.LOOPBACK, nat.port());
            latch.check(RtpDatagrams.received(natAddress, 0, 1), stream.remoteRtp());
            assertThat(sender.target(stream)).isEqualTo(natAddress);
            sender.tick(stream);
            assertThat(nat.receive(150)).hasSize(1);
            assertThat(peer.receive(50)).isEmpty();
        }
    }

    @Test
    void aFailingSourceGivesWayToSilence() throws Exception {
        sender.play(frame -> {
            throw new IllegalStateException("broken prompt");
        });
        sender.tick(stream(Direction.SENDRECV));
        assertThat(sender.playing()).isNull();
        List<RtpPacket> got = peer.receive(150);
        assertThat(got).singleElement().satisfies(p -> assertThat(p.payload()).containsOnly((byte) 0xFF));
    }

    @Test
    void aKeyPressTakesTheTicksItNeedsAndKeepsItsStartTimestamp() throws Exception {
        MediaParameters stream = stream(Direction.SENDRECV);
        assertThat(dtmf.offer("5", stream)).isTrue();
        for (int i = 0; i < 9; i++) {
            sender.tick(stream);
        }
        List<RtpPacket> got = peer.receive(200);
        assertThat(got).hasSize(9);
        long start = got.get(0).timestamp();
        assertThat(got.subList(0, 8)).extracting(RtpPacket::payloadType).containsOnly(101);
        assertThat(got.subList(0, 8)).extracting(RtpPacket::timestamp).containsOnly(start);
        assertThat(got.subList(0, 8)).extracting(RtpPacket::marker).containsExactly(true, false, false, false,
                false, false, false, false);
        assertThat(got.get(8).payloadType()).isZero();
        assertThat(got.get(8).timestamp()).isEqualTo((start + 8 * 160) & 0xFFFF_FFFFL);
    }
}
