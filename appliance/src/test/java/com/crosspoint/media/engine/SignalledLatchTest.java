package com.crosspoint.media.engine;

import static com.crosspoint.media.engine.RtpDatagrams.received;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crosspoint.media.codec.G711Ulaw;
import com.crosspoint.media.engine.SourceLatch.Verdict;
import com.crosspoint.media.sdp.Direction;
import com.crosspoint.media.sdp.MediaParameters;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The latching rule for calls (issue 10, RTP hijack), driven with packets read from datagrams at chosen arrival
 * times; no sockets. The phone's signalling came from 192.0.2.10; a stranger sends from 198.51.100.7 and, as on a
 * shared host, from the phone's own host on other ports.
 */
class SignalledLatchTest {
    private static final int N = 5;
    private static final long QUIET_MILLIS = QuietTakeover.QUIET_NANOS / 1_000_000;
    private static final InetAddress PHONE_HOST = host(192, 0, 2, 10);
    private static final InetSocketAddress SDP = new InetSocketAddress(PHONE_HOST, 4000);
    /** The phone's packets as a NAT maps them: its signalling's host, a port nobody signalled. */
    private static final InetSocketAddress MAPPED = new InetSocketAddress(PHONE_HOST, 40000);
    private static final InetSocketAddress REBOUND = new InetSocketAddress(PHONE_HOST, 40002);
    private static final InetSocketAddress SAME_HOST = new InetSocketAddress(PHONE_HOST, 4002);
    private static final InetSocketAddress STRANGER = new InetSocketAddress(host(198, 51, 100, 7), 5000);
    private static final InetSocketAddress STRANGER_2 = new InetSocketAddress(host(198, 51, 100, 8), 5000);
    private static final MediaParameters STREAM = new MediaParameters(G711Ulaw.INSTANCE, 0, 101, SDP, null,
            Direction.SENDRECV, 20);
    private static final long PHONE_SSRC = 0x1111;
    private static final long STRANGER_SSRC = 0x0BAD;

    private static InetAddress host(int a, int b, int c, int d) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private final SignalledLatch policy = new SignalledLatch(SignalledPeer.DIRECT, N);
    private final SourceLatch latch = new SourceLatch(policy);
    private int seq;

    private Verdict from(InetSocketAddress source, long millis, long ssrc) {
        return latch.check(received(source, millis, seq++, ssrc), STREAM.remoteRtp());
    }

    private List<Verdict> burst(InetSocketAddress source, long millis, long ssrc, int count) {
        List<Verdict> verdicts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            verdicts.add(from(source, millis, ssrc));
        }
        return verdicts;
    }

    @Nested
    class NotBehindNat {

        @Test
        void theAddressTheSdpNamesLatchesAtOnce() {
            assertThat(from(SDP, 0, PHONE_SSRC)).isEqualTo(Verdict.LATCHED_NOW);
            assertThat(from(SDP, 20, PHONE_SSRC)).isEqualTo(Verdict.FROM_LATCHED);
            assertThat(latch.source()).isEqualTo(SDP);
            assertThat(latch.rtcpFollowsSource()).isFalse();
        }

        @Test
        void aStrangerSprayingBeforeThePhoneSendsIsNeverLatched() {
            assertThat(burst(STRANGER, 0, STRANGER_SSRC, 3 * N)).containsOnly(Verdict.FOREIGN);
            assertThat(burst(SAME_HOST, 1, STRANGER_SSRC, 3 * N)).containsOnly(Verdict.FOREIGN);
            assertThat(latch.source()).isNull();
            assertThat(from(SDP, 40, PHONE_SSRC)).isEqualTo(Verdict.LATCHED_NOW);
            assertThat(latch.foreignPackets()).isEqualTo(6L * N);
        }

        @Test
        void noSourceTakesOverASilentPhoneNotEvenWithItsSsrc() {
            from(SDP, 0, PHONE_SSRC);
            long later = 10 * QUIET_MILLIS; // the phone went silent long ago
            assertThat(burst(STRANGER, later, STRANGER_SSRC, 10 * N)).containsOnly(Verdict.FOREIGN);
            assertThat(burst(SAME_HOST, later, PHONE_SSRC, 10 * N)).containsOnly(Verdict.FOREIGN);
            assertThat(latch.source()).isEqualTo(SDP);
            assertThat(latch.relatches()).isZero();
        }

        @Test
        void afterTheSdpMovedOnlyTheNewAddressLatches() {
            from(SDP, 0, PHONE_SSRC);
            MediaParameters moved = new MediaParameters(G711Ulaw.INSTANCE, 0, 101, REBOUND, null, Direction.SENDRECV,
                    20);
            latch.reset();
            assertThat(latch.check(received(SDP, 20, seq++, PHONE_SSRC), moved.remoteRtp())).isEqualTo(Verdict.FOREIGN);
            assertThat(latch.check(received(REBOUND, 40, seq++, PHONE_SSRC), moved.remoteRtp())).isEqualTo(Verdict.LATCHED_NOW);
        }
    }

    @Nested
    class BehindNat {

        BehindNat() {
            assertThat(policy.peer(SignalledPeer.behindNat(PHONE_HOST))).isTrue();
            latch.reset();
        }

        @Test
        void theFirstSourceLatchesAndItsSsrcIsPinned() {
            assertThat(from(MAPPED, 0, PHONE_SSRC)).isEqualTo(Verdict.LATCHED_NOW); // not the SDP address: NAT
            assertThat(latch.rtcpFollowsSource()).isTrue();
            long later = 10 * QUIET_MILLIS;
            // a stranger's own stream, however long the phone is quiet and however many in a row: never
            assertThat(burst(STRANGER, later, STRANGER_SSRC, 10 * N)).containsOnly(Verdict.FOREIGN);
            assertThat(latch.source()).isEqualTo(MAPPED);
            // the pinned SSRC from a new address: the NAT rebound the phone's stream, which takes over once quiet
            assertThat(burst(STRANGER, later, PHONE_SSRC, N - 1)).containsOnly(Verdict.FOREIGN);
            assertThat(from(STRANGER, later, PHONE_SSRC)).isEqualTo(Verdict.LATCHED_NOW);
            assertThat(latch.relatches()).isEqualTo(1);
        }

        @Test
        void thePinnedSsrcFromElsewhereWaitsUntilTheLatchedSourceIsQuiet() {
            from(MAPPED, 0, PHONE_SSRC);
            assertThat(burst(STRANGER, QUIET_MILLIS - 1, PHONE_SSRC, 2 * N)).containsOnly(Verdict.FOREIGN);
            assertThat(latch.source()).isEqualTo(MAPPED);
        }

        @Test
        void theSignallingHostReLatchesWithANewStreamAfterTheQuietPeriod() {
            from(MAPPED, 0, PHONE_SSRC);
            long newSsrc = 0x2222; // the phone restarted from a new NAT port
            assertThat(burst(REBOUND, QUIET_MILLIS - 1, newSsrc, 2 * N)).containsOnly(Verdict.FOREIGN);
            // (the run was counted meanwhile, as in QuietTakeover: once quiet, its next packet takes over)
            assertThat(from(REBOUND, QUIET_MILLIS, newSsrc)).isEqualTo(Verdict.LATCHED_NOW);
            assertThat(latch.source()).isEqualTo(REBOUND);
            // pinned to the new stream now: the old SSRC from elsewhere is a stranger's
            assertThat(burst(STRANGER, 20 * QUIET_MILLIS, PHONE_SSRC, 2 * N)).containsOnly(Verdict.FOREIGN);
        }

        @Test
        void aStrangerWhoWonTheFirstLatchLosesItToTheSignallingHostAtOnce() {
            assertThat(from(STRANGER, 0, STRANGER_SSRC)).isEqualTo(Verdict.LATCHED_NOW); // sprayed before the phone
            for (int i = 0; i < N - 1; i++) {
                assertThat(from(MAPPED, 20 + i, PHONE_SSRC)).isEqualTo(Verdict.FOREIGN);
                assertThat(from(STRANGER, 20 + i, STRANGER_SSRC)).isEqualTo(Verdict.FROM_LATCHED); // still spraying
            }
            assertThat(from(MAPPED, 30, PHONE_SSRC)).isEqualTo(Verdict.LATCHED_NOW); // no quiet needed
            assertThat(burst(STRANGER, 30 * QUIET_MILLIS, STRANGER_SSRC, 10 * N)).containsOnly(Verdict.FOREIGN);
            assertThat(burst(STRANGER_2, 30 * QUIET_MILLIS, STRANGER_SSRC, 10 * N)).containsOnly(Verdict.FOREIGN);
            assertThat(latch.source()).isEqualTo(MAPPED);
        }

        @Test
        void theLatchedAddressRestartingItsStreamIsFollowedAndPinnedAnew() {
            from(MAPPED, 0, PHONE_SSRC);
            long restarted = 0x3333;
            assertThat(from(MAPPED, 20, restarted)).isEqualTo(Verdict.FROM_LATCHED);
            assertThat(burst(STRANGER, 20 * QUIET_MILLIS, PHONE_SSRC, 2 * N)).containsOnly(Verdict.FOREIGN);
            assertThat(burst(STRANGER, 20 * QUIET_MILLIS, restarted, N)).endsWith(Verdict.LATCHED_NOW);
        }

        @Test
        void strangersInterleavedDoNotBreakThePhonesRunButAnotherCandidateDoes() {
            assertThat(from(STRANGER, 0, STRANGER_SSRC)).isEqualTo(Verdict.LATCHED_NOW);
            for (int i = 0; i < N - 1; i++) {
                from(MAPPED, 20, PHONE_SSRC);
                from(STRANGER_2, 20, STRANGER_SSRC); // not eligible: leaves the phone's run alone
            }
            from(REBOUND, 21, PHONE_SSRC); // another candidate on the signalling host: the run starts over
            assertThat(from(MAPPED, 22, PHONE_SSRC)).isEqualTo(Verdict.FOREIGN);
            assertThat(burst(MAPPED, 23, PHONE_SSRC, N - 1)).endsWith(Verdict.LATCHED_NOW);
        }
    }

    @Test
    void aPeerBehindNatNeedsTheHostItsSignallingCameFrom() {
        assertThatThrownBy(() -> new SignalledPeer(true, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new SignalledPeer(false, PHONE_HOST)).isInstanceOf(IllegalArgumentException.class);
        assertThat(policy.peer(SignalledPeer.DIRECT)).as("unchanged").isFalse();
    }
}
