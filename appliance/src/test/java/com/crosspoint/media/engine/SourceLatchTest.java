package com.crosspoint.media.engine;

import static com.crosspoint.media.engine.RtpDatagrams.address;
import static com.crosspoint.media.engine.RtpDatagrams.received;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crosspoint.media.codec.G711Ulaw;
import com.crosspoint.media.engine.SourceLatch.Verdict;
import com.crosspoint.media.sdp.Direction;
import com.crosspoint.media.sdp.MediaParameters;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The latch with the permissive rule ({@link QuietTakeover}), driven with packets read from datagrams at chosen arrival times; no sockets. */
class SourceLatchTest {
    private static final int N = 5;
    private static final InetSocketAddress PHONE = address(4000);
    private static final InetSocketAddress REBOUND = address(5000);
    private static final InetSocketAddress STRANGER = address(6000);
    private static final MediaParameters STREAM = new MediaParameters(G711Ulaw.INSTANCE, 0, 101, PHONE, null,
            Direction.SENDRECV, 20);

    private final SourceLatch latch = new SourceLatch(new QuietTakeover(N));
    private int seq;

    private Verdict from(InetSocketAddress source, long millis) {
        return latch.check(received(source, millis, seq++), STREAM.remoteRtp());
    }

    /** {@code count} packets from the source at the given time; the verdict of each. */
    private List<Verdict> burst(InetSocketAddress source, long millis, int count) {
        List<Verdict> verdicts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            verdicts.add(from(source, millis));
        }
        return verdicts;
    }

    @Test
    void theFirstSourceLatchesAndStays() {
        assertThat(latch.source()).isNull();
        assertThat(from(PHONE, 0)).isEqualTo(Verdict.LATCHED_NOW);
        assertThat(from(PHONE, 20)).isEqualTo(Verdict.FROM_LATCHED);
        assertThat(latch.source()).isEqualTo(PHONE);
        assertThat(latch.relatches()).isZero();
        assertThat(latch.foreignPackets()).isZero();
    }

    @Test
    void aNewSourceTakesOverWithItsNthPacketOnceTheLatchedOneWasQuiet() {
        from(PHONE, 0);
        assertThat(burst(REBOUND, 600, N - 1)).containsOnly(Verdict.FOREIGN);
        assertThat(latch.source()).isEqualTo(PHONE);
        assertThat(from(REBOUND, 600)).isEqualTo(Verdict.LATCHED_NOW);
        assertThat(latch.source()).isEqualTo(REBOUND);
        assertThat(latch.relatches()).isEqualTo(1);
        assertThat(latch.foreignPackets()).isEqualTo(N - 1);
        assertThat(from(PHONE, 620)).isEqualTo(Verdict.FOREIGN); // the old address is a stranger now
    }

    @Test
    void noTakeoverWhileTheLatchedSourceKeepsSending() {
        for (int t = 0; t < 2000; t += 20) { // the phone talks; every 20 ms a burst from elsewhere
            assertThat(from(PHONE, t)).isIn(Verdict.LATCHED_NOW, Verdict.FROM_LATCHED);
            assertThat(burst(STRANGER, t + 1, 3 * N)).containsOnly(Verdict.FOREIGN);
        }
        assertThat(latch.source()).isEqualTo(PHONE);
        assertThat(latch.relatches()).isZero();
        assertThat(latch.foreignPackets()).isEqualTo(100L * 3 * N);
    }

    @Test
    void quietMeansHalfASecondSinceTheLatchedSourcesLastPacket() {
        from(PHONE, 1000);
        assertThat(burst(REBOUND, 1000 + 499, 2 * N)).containsOnly(Verdict.FOREIGN); // enough packets, too soon
        assertThat(from(REBOUND, 1000 + QuietTakeover.QUIET_NANOS / 1_000_000)).isEqualTo(Verdict.LATCHED_NOW);
    }

    /** The latched source itself, or a third one: either breaks the run of packets a takeover needs. */
    @ParameterizedTest
    @CsvSource({"4000, FROM_LATCHED", "6000, FOREIGN"})
    void aPacketFromAnyOtherSourceStartsTheCountOver(int port, Verdict verdict) {
        from(PHONE, 0);
        burst(REBOUND, 600, N - 1);
        assertThat(from(address(port), 610)).isEqualTo(verdict);
        assertThat(burst(REBOUND, 1200, N - 1)).containsOnly(Verdict.FOREIGN);
        assertThat(from(REBOUND, 1200)).isEqualTo(Verdict.LATCHED_NOW);
    }

    @Test
    void afterAResetTheNextSourceLatchesAtOnce() {
        from(PHONE, 0);
        latch.reset(); // the peer moved in SDP
        assertThat(latch.source()).isNull();
        assertThat(from(STRANGER, 10)).isEqualTo(Verdict.LATCHED_NOW);
        assertThat(latch.source()).isEqualTo(STRANGER);
        assertThat(latch.relatches()).isZero(); // a fresh latch, not a takeover
    }

    @Test
    void aTakeoverNeedsAtLeastOnePacket() {
        assertThatThrownBy(() -> new QuietTakeover(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
