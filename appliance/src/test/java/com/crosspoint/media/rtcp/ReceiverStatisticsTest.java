package com.crosspoint.media.rtcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReceiverStatisticsTest {
    private static final long SSRC = 0xA1B2C3D4L;
    private static final NtpTime NOW = new NtpTime(3_960_000_000L, 0);
    private final ReceiverStatistics stats = new ReceiverStatistics();

    @Test
    void lossAndFractionLostPerInterval() {
        // 1 is probation; base 2; 4 and 7 never arrive
        for (int seq : new int[] {1, 2, 3, 5, 6, 8, 9, 10}) {
            stats.onRtp(SSRC, seq, seq * 160L, seq * 160L);
        }

        ReportBlock first = stats.reportBlock(NOW);

        // expected = 10 - 2 + 1 = 9, received 7, lost 2; fraction = (2 << 8) / 9 = 56 (21.9 %)
        assertThat(stats.expected()).isEqualTo(9);
        assertThat(first.cumulativeLost()).isEqualTo(2);
        assertThat(first.fractionLost()).isEqualTo(56);
        assertThat(first.extendedHighestSequence()).isEqualTo(10);
        assertThat(first.ssrc()).isEqualTo(SSRC);

        for (int seq = 11; seq <= 20; seq++) {
            stats.onRtp(SSRC, seq, seq * 160L, seq * 160L);
        }
        ReportBlock second = stats.reportBlock(NOW);

        // nothing lost in the second interval; the total stays
        assertThat(second.fractionLost()).isZero();
        assertThat(second.cumulativeLost()).isEqualTo(2);
    }

    @Test
    void duplicatesMakeCumulativeLossNegativeAndTheIntervalFractionZero() {
        stats.onRtp(SSRC, 1, 0, 0);
        stats.onRtp(SSRC, 2, 160, 160);
        stats.onRtp(SSRC, 2, 160, 170);
        stats.onRtp(SSRC, 2, 160, 180);

        ReportBlock block = stats.reportBlock(NOW);

        assertThat(block.cumulativeLost()).isEqualTo(-2);
        assertThat(block.fractionLost()).isZero();
    }

    @Test
    void jitterFollowsA8ComputedByHand() {
        // 8 kHz, 20 ms packets: timestamps step by 160. Transit = arrival - timestamp.
        stats.onRtp(SSRC, 1, 0, 1000);      // transit 1000: first packet, no difference yet
        stats.onRtp(SSRC, 2, 160, 1240);    // transit 1080: D = 80, J = 0 + (80 - 0) / 16 = 5
        stats.onRtp(SSRC, 3, 320, 1320);    // transit 1000: D = 80, J = 5 + (80 - 5) / 16 = 9.6875

        assertThat(stats.jitter()).isEqualTo(9.6875);
        assertThat(stats.jitterMillis(8000)).isEqualTo(9.6875 / 8);
        assertThat(stats.reportBlock(NOW).jitter()).isEqualTo(9); // truncated on the wire
    }

    @Test
    void jitterIgnoresDuplicatesAndSurvivesTimestampWrap() {
        long nearWrap = 0xFFFF_FF00L;
        stats.onRtp(SSRC, 1, nearWrap, 5000);
        stats.onRtp(SSRC, 2, (nearWrap + 160) & 0xFFFF_FFFFL, 5160); // wraps to 0x60; transit unchanged
        stats.onRtp(SSRC, 2, (nearWrap + 160) & 0xFFFF_FFFFL, 9999); // duplicate with a wild arrival

        assertThat(stats.jitter()).isZero();
    }

    @Test
    void perfectPacingHasNoJitter() {
        for (int seq = 0; seq < 100; seq++) {
            stats.onRtp(SSRC, seq, 7 + seq * 160L, 123_456 + seq * 160L);
        }

        assertThat(stats.jitter()).isZero();
        assertThat(stats.reportBlock(NOW).cumulativeLost()).isZero();
    }

    @Test
    void reportsLsrAndDlsrOfTheLastSenderReport() {
        stats.onRtp(SSRC, 1, 0, 0);
        NtpTime sent = new NtpTime(0x1234_B705L, 0x2000_0000L);
        NtpTime arrived = new NtpTime(3_960_000_000L, 0);
        stats.onSenderReport(new SenderReport(SSRC, sent, 0, 0, 0, List.of()), arrived);

        // report 1.5 s after the SR arrived: DLSR = 1.5 * 65536 = 0x0001_8000
        ReportBlock block = stats.reportBlock(new NtpTime(3_960_000_001L, 0x8000_0000L));

        assertThat(block.lastSenderReport()).isEqualTo(0xB705_2000L);
        assertThat(block.delaySinceLastSenderReport()).isEqualTo(0x0001_8000L);
    }

    @Test
    void noSenderReportMeansZeroLsrAndDlsr() {
        stats.onRtp(SSRC, 1, 0, 0);

        ReportBlock block = stats.reportBlock(NOW);

        assertThat(block.lastSenderReport()).isZero();
        assertThat(block.delaySinceLastSenderReport()).isZero();
    }

    @Test
    void extendedHighestSequenceCarriesTheWrapCount() {
        for (int i = 0; i < 10; i++) {
            stats.onRtp(SSRC, (65530 + i) & 0xFFFF, i * 160L, i * 160L);
        }

        assertThat(stats.reportBlock(NOW).extendedHighestSequence()).isEqualTo(0x0001_0003L);
    }

    @Test
    void aNewSsrcStartsFresh() {
        for (int seq = 1; seq <= 5; seq++) {
            stats.onRtp(SSRC, seq * 2, seq * 160L, seq * 200L); // every other packet lost, jittery
        }
        stats.reportBlock(NOW);

        stats.onRtp(0x42, 100, 0, 0);
        stats.onRtp(0x42, 101, 160, 160);
        ReportBlock block = stats.reportBlock(NOW);

        assertThat(block.ssrc()).isEqualTo(0x42);
        assertThat(block.cumulativeLost()).isZero();
        assertThat(block.fractionLost()).isZero();
        assertThat(stats.jitter()).isCloseTo(0, within(1e-9));
    }
}
