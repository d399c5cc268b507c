package com.crosspoint.media.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CallQualityTest {

    @Test
    void assessesALegFromItsCounters() {
        // 950 of 1000: 5 % loss; RTT 80 ms -> 40 ms one way, + 60 ms local = 100 ms (no Idd yet)
        CallQuality quality = CallQuality.assess(950, 1000, 3.5, 80.0, 60, EModel.G711_PLC);

        assertThat(quality.packetsReceived()).isEqualTo(950);
        assertThat(quality.packetsLost()).isEqualTo(50);
        assertThat(quality.lossPercent()).isEqualTo(5.0);
        assertThat(quality.jitterMillis()).isEqualTo(3.5);
        assertThat(quality.rttMillis()).isEqualTo(80.0);
        assertThat(quality.mos()).isEqualTo(EModel.G711_PLC.mos(100, 5, 1));
        // R = 90.66 (Ta 100 ms) - 15.78 = 74.88; MOS = 1 + 2.621 + 74.88 * 14.88 * 25.12 * 7e-6 = 3.817
        assertThat(quality.mos()).isCloseTo(3.817, within(0.005));
    }

    @Test
    void unknownRttCountsOnlyTheLocalDelay() {
        CallQuality quality = CallQuality.assess(1000, 1000, 0, null, 0, EModel.G711_PLC);

        assertThat(quality.rttMillis()).isNull();
        assertThat(quality.lossPercent()).isZero();
        assertThat(quality.mos()).isCloseTo(4.41, within(0.005));
    }

    @Test
    void duplicatesDoNotMakeLossNegative() {
        CallQuality quality = CallQuality.assess(1010, 1000, 0, null, 0, EModel.G711_PLC);

        assertThat(quality.packetsLost()).isZero();
        assertThat(quality.lossPercent()).isZero();
    }

    @Test
    void nothingExpectedYetIsNoLoss() {
        assertThat(CallQuality.assess(0, 0, 0, null, 0, EModel.G711_PLC).lossPercent()).isZero();
    }

    @Test
    void validatesItsFields() {
        assertThatThrownBy(() -> new CallQuality(-1, 0, 0, 0, null, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CallQuality(0, 0, 101, 0, null, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CallQuality(0, 0, Double.NaN, 0, null, 4))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CallQuality(0, 0, 0, -1, null, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CallQuality(0, 0, 0, 0, -1.0, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CallQuality(0, 0, 0, 0, null, 0.9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CallQuality(0, 0, 0, 0, null, 4.6)).isInstanceOf(IllegalArgumentException.class);
    }
}
