package com.crosspoint.media.engine;

import static com.crosspoint.media.engine.RtpDatagrams.SILENCE_PCMU;
import static com.crosspoint.media.engine.RtpDatagrams.address;
import static com.crosspoint.media.engine.RtpDatagrams.pcmu;
import static com.crosspoint.media.engine.RtpDatagrams.rtp;
import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.media.codec.G711Ulaw;
import com.crosspoint.media.rtcp.NtpTime;
import com.crosspoint.media.rtcp.ReceiverReport;
import com.crosspoint.media.rtcp.RtcpCompoundPacket;
import com.crosspoint.media.rtp.RtpPacket;
import com.crosspoint.media.sdp.Direction;
import com.crosspoint.media.sdp.MediaParameters;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The receive path without decoding: datagrams in, what a relay-style consumer (which keeps the datagrams as
 * they came, decoding nothing) and the RTCP handler are handed out, and the counters; no sockets.
 */
class LatchingReceiverTest {
    private static final InetSocketAddress PHONE = address(4000);
    private static final InetSocketAddress REBOUND = address(5000);
    private static final MediaParameters STREAM = stream(Direction.SENDRECV);
    private static final int N = 5;

    private final Relay relay = new Relay();
    private final List<ByteBuffer> rtcp = new ArrayList<>();
    private final List<InetSocketAddress> latched = new ArrayList<>();
    private final SourceLatch latch = new SourceLatch(new QuietTakeover(N));
    private final LatchingReceiver receiver = new LatchingReceiver(latch, relay,
            (datagram, from, stream) -> rtcp.add(copy(datagram)), latched::add);

    private static MediaParameters stream(Direction direction) {
        return new MediaParameters(G711Ulaw.INSTANCE, 0, 101, PHONE, null, direction, 20);
    }

    /** A relay's consumer: negotiated payload types only, each accepted datagram kept byte for byte. */
    private static final class Relay implements RtpConsumer {
        final List<ByteBuffer> forwarded = new ArrayList<>();
        final List<Integer> sequences = new ArrayList<>();
        RtpConsumer.Admission refuseAs;

        @Override
        public Admission admit(ReceivedRtp packet, MediaParameters stream) {
            if (refuseAs != null) {
                return refuseAs;
            }
            boolean negotiated = packet.payloadType() == stream.payloadType()
                    || packet.payloadType() == stream.telephoneEventPayloadType();
            return negotiated ? Admission.ACCEPT : Admission.UNKNOWN_PAYLOAD;
        }

        @Override
        public void accept(ReceivedRtp packet, MediaParameters stream) {
            forwarded.add(copy(packet.datagram()));
            sequences.add(packet.sequence());
        }
    }

    private static ByteBuffer copy(ByteBuffer datagram) {
        ByteBuffer copy = ByteBuffer.allocate(datagram.remaining());
        copy.put(datagram.duplicate()).flip();
        return copy;
    }

    private void receive(ByteBuffer datagram, InetSocketAddress from, long millis) {
        receiver.onDatagram(datagram, from, false, millis * 1_000_000L, STREAM);
    }

    @Test
    void rtpFromTheLatchedSourceIsHandedOnAsItCame() {
        ByteBuffer first = pcmu(100, 0x1234);
        receive(first, PHONE, 0);
        receive(pcmu(101, 0x1234), PHONE, 20);
        assertThat(relay.forwarded).containsExactly(pcmu(100, 0x1234), pcmu(101, 0x1234));
        assertThat(first.position()).isZero(); // read in place: the datagram is left as it came
        assertThat(relay.sequences).containsExactly(100, 101);
        assertThat(latched).containsExactly(PHONE);
        assertThat(receiver.received()).isEqualTo(2);
        assertThat(receiver.quality(null, 80).packetsReceived()).isEqualTo(1); // RFC 3550 A.1: one on probation
    }

    @Test
    void theReadPacketCarriesTheHeaderAndPayload() {
        List<String> seen = new ArrayList<>();
        LatchingReceiver r = new LatchingReceiver(latch, new RtpConsumer() {
            @Override
            public Admission admit(ReceivedRtp packet, MediaParameters stream) {
                return Admission.ACCEPT;
            }

            @Override
            public void accept(ReceivedRtp p, MediaParameters stream) {
                seen.add(p.marker() + " " + p.payloadType() + " " + p.sequence() + " " + p.timestamp() + " "
                        + p.ssrc() + " " + p.payloadLength() + " " + p.payload()[0] + " " + p.source().getPort());
            }
        }, (datagram, from, stream) -> { }, source -> { });
        byte[] payload = {1, 2, 3};
        // the fast path (plain header) and the full parser (padding) read the same fields
        r.onDatagram(ByteBuffer.wrap(RtpPacket.of(true, 0, 65535, 4_000_000_000L, 0xFFFF_FFFFL, payload)
                .toBytes()), PHONE, false, 0, STREAM);
        r.onDatagram(ByteBuffer.wrap(new RtpPacket(false, 0, 7, 8, 9, List.of(), null, payload, 5).toBytes()),
                PHONE, false, 0, STREAM);
        assertThat(seen).containsExactly("true 0 65535 4000000000 4294967295 3 1 4000", "false 0 7 8 9 3 1 4000");
    }

    @Test
    void rtcpOnEitherPortGoesToTheRtcpHandlerAndRtpOnTheRtcpPortIsGarbage() {
        ByteBuffer report = ByteBuffer.wrap(new RtcpCompoundPacket(List.of(new ReceiverReport(42, List.of())))
                .toBytes());
        receiver.onDatagram(report, PHONE, true, 0, STREAM);
        receiver.onDatagram(report, PHONE, false, 0, STREAM); // RFC 5761 multiplexing
        receiver.onDatagram(pcmu(1, 7), PHONE, true, 0, STREAM);
        receiver.onDatagram(ByteBuffer.wrap(new byte[] {0, 1, 0, 0}), PHONE, false, 0, STREAM); // STUN
        assertThat(rtcp).hasSize(2);
        assertThat(receiver.garbage()).isEqualTo(2);
        assertThat(relay.forwarded).isEmpty();
        assertThat(latch.source()).isNull();
    }

    @Test
    void aPayloadTypeNobodyNegotiatedNeverMovesTheLatch() {
        receive(pcmu(1, 7), PHONE, 0);
        for (int i = 0; i < 3 * N; i++) {
            receive(rtp(96, 10 + i, 8, SILENCE_PCMU), REBOUND, 1000);
        }
        assertThat(receiver.unknownPayload()).isEqualTo(3 * N);
        assertThat(latch.foreignPackets()).isZero();
        assertThat(latch.source()).isEqualTo(PHONE);
        for (int i = 0; i < N; i++) {
            receive(pcmu(20 + i, 8), REBOUND, 1000);
        }
        assertThat(latch.source()).isEqualTo(REBOUND);
        assertThat(latched).containsExactly(PHONE, REBOUND);
        assertThat(relay.sequences).containsExactly(1, 20 + N - 1); // the takeover's packet is handed on
    }

    @Test
    void behindNatTheFirstSourceOfANegotiatedPayloadTypeLatches() {
        SignalledLatch policy = new SignalledLatch(SignalledPeer.behindNat(PHONE.getAddress()), N);
        SourceLatch natLatch = new SourceLatch(policy);
        LatchingReceiver natReceiver = new LatchingReceiver(natLatch, relay, (datagram, from, stream) -> { },
                latched::add);
        for (int i = 0; i < 3 * N; i++) { // a stranger first, with a payload type nobody negotiated
            natReceiver.onDatagram(rtp(96, i, 8, SILENCE_PCMU), REBOUND, false, 0, STREAM);
        }
        assertThat(natLatch.source()).isNull();
        natReceiver.onDatagram(pcmu(100, 0x1234), REBOUND, false, 1_000_000, STREAM); // PCMU from a NAT port
        assertThat(natLatch.source()).isEqualTo(REBOUND);
        assertThat(latched).containsExactly(REBOUND);
        assertThat(relay.sequences).containsExactly(100);
    }

    @Test
    void whatDoesNotParseIsMalformedAndNeverMovesTheLatch() {
        receive(ByteBuffer.wrap(new byte[] {(byte) 0x8F, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0}), PHONE, 0); // CSRCs
        relay.refuseAs = RtpConsumer.Admission.MALFORMED; // e.g. a telephone-event too short to parse
        receive(pcmu(1, 7), PHONE, 0);
        assertThat(receiver.malformed()).isEqualTo(2);
        assertThat(latch.source()).isNull();
        assertThat(latched).isEmpty();
    }

    @Test
    void beforeNegotiationAndAbove2048BytesNothingIsKnown() {
        receiver.onDatagram(pcmu(1, 7), PHONE, false, 0, null);
        receive(rtp(0, 2, 7, new byte[ReceivedRtp.MAX_PAYLOAD + 1]), PHONE, 0);
        assertThat(receiver.unknownPayload()).isEqualTo(2);
        assertThat(latch.source()).isNull();
        assertThat(relay.forwarded).isEmpty();
    }

    @Test
    void onHoldTheSourceLatchesButNothingIsCountedOrHandedOn() {
        receiver.onDatagram(pcmu(1, 7), PHONE, false, 0, stream(Direction.SENDONLY));
        receiver.onDatagram(pcmu(2, 7), PHONE, false, 0, stream(Direction.INACTIVE));
        assertThat(receiver.ignoredOnHold()).isEqualTo(2);
        assertThat(latched).containsExactly(PHONE); // our RTP (music on hold) goes where the phone is
        assertThat(receiver.received()).isZero();
        assertThat(relay.forwarded).isEmpty();
        assertThat(receiver.reportBlocks(new NtpTime(1, 0))).isEmpty();
    }

    @Test
    void theStatisticsFollowTheStreamAndCountAnSsrcChange() {
        for (int i = 0; i < 10; i++) {
            if (i != 4) { // one lost
                receive(pcmu(1000 + i, 0xAAAA), PHONE, 20L * i);
            }
        }
        for (int i = 0; i < 5; i++) {
            receive(pcmu(i, 0xBBBB), PHONE, 200 + 20L * i); // the phone restarted its stream
        }
        assertThat(receiver.ssrcChanges()).isEqualTo(1);
        assertThat(receiver.received()).isEqualTo(14);
        var blocks = receiver.reportBlocks(new NtpTime(1, 0));
        assertThat(blocks).singleElement().satisfies(b -> {
            assertThat(b.ssrc()).isEqualTo(0xBBBB); // statistics restart with the new source
            assertThat(b.cumulativeLost()).isZero();
        });
    }
}
