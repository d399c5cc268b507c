package com.crosspoint.media.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EModelTest {

    @Test
    void g107DefaultsGiveR93Point2() {
        // G.107 Table 3 defaults: Ro = 15 - 1.5 (SLR + No) with No = -61.18 dBm0p -> 94.77;
        // Is = Iolr + Ist + Iq = 1.41; Id = Idle = 0.15 at T = 0; R = 94.77 - 1.41 - 0.15 = 93.2
        assertThat(EModel.NO).isCloseTo(-61.18, within(0.01));
        assertThat(EModel.RO).isCloseTo(94.77, within(0.01));
        assertThat(EModel.IS).isCloseTo(1.41, within(0.01));
        assertThat(EModel.G711_PLC.rating(0, 0, 1)).isCloseTo(93.2, within(0.05));
    }

    @Test
    void mosAnchorPoints() {
        // R = 93.2: 1 + 0.035 * 93.2 + 93.2 * 33.2 * 6.8 * 7e-6 = 1 + 3.262 + 0.1473 = 4.409
        assertThat(EModel.mos(93.2)).isCloseTo(4.41, within(0.005));
        // R = 50: 1 + 1.75 + 50 * (-10) * 50 * 7e-6 = 2.75 - 0.175 = 2.575
        assertThat(EModel.mos(50)).isCloseTo(2.58, within(0.006));
        // R = 80: 1 + 2.8 + 80 * 20 * 20 * 7e-6 = 4.024
        assertThat(EModel.mos(80)).isCloseTo(4.024, within(1e-9));
    }

    @Test
    void mosIsClampedToOneAndFourPointFive() {
        assertThat(EModel.mos(-20)).isEqualTo(1);
        assertThat(EModel.mos(0)).isEqualTo(1);
        assertThat(EModel.mos(100)).isEqualTo(4.5);
        assertThat(EModel.mos(130)).isEqualTo(4.5);
        double previous = 1;
        for (double r = 0; r <= 100; r += 0.5) {
            assertThat(EModel.mos(r)).isBetween(1.0, 4.5).isGreaterThanOrEqualTo(previous);
            previous = EModel.mos(r);
        }
    }

    @Test
    void fivePercentRandomLossWithPlcOnG711() {
        // Ie,eff = 0 + 95 * 5 / (5 / 1 + 25.1) = 15.78; R = 93.21 - 15.78 = 77.43
        // MOS = 1 + 0.035 * 77.43 + 77.43 * 17.43 * 22.57 * 7e-6 = 1 + 2.710 + 0.213 = 3.92
        assertThat(EModel.G711_PLC.effectiveEquipmentImpairment(5, 1)).isCloseTo(15.78, within(0.01));
        assertThat(EModel.G711_PLC.rating(0, 5, 1)).isCloseTo(77.43, within(0.02));
        assertThat(EModel.G711_PLC.mos(0, 5, 1)).isCloseTo(3.92, within(0.01))
                .isLessThan(EModel.G711_PLC.mos(0, 0, 1) - 0.4);
    }

    @Test
    void withoutConcealmentTheSameLossHurtsFarMore() {
        // Ie,eff = 95 * 5 / (5 + 4.3) = 51.08; R = 93.21 - 51.08 = 42.13
        // MOS = 1 + 1.475 + 42.13 * (-17.87) * 57.87 * 7e-6 = 2.475 - 0.305 = 2.17
        assertThat(EModel.G711_NO_PLC.rating(0, 5, 1)).isCloseTo(42.13, within(0.02));
        assertThat(EModel.G711_NO_PLC.mos(0, 5, 1)).isCloseTo(2.17, within(0.01));
    }

    @Test
    void burstyLossHurtsMoreThanRandom() {
        // BurstR 2: Ie,eff = 95 * 5 / (2.5 + 25.1) = 17.21, against 15.78 for random loss
        assertThat(EModel.G711_PLC.effectiveEquipmentImpairment(5, 2)).isCloseTo(17.21, within(0.01));
        assertThat(EModel.G711_PLC.rating(0, 5, 2)).isLessThan(EModel.G711_PLC.rating(0, 5, 1));
    }

    @Test
    void delayBeyond100MsAddsIdd() {
        // Ta = 150: X = log2(1.5) = 0.585; Idd = 25 ((1 + X^6)^(1/6) - 3 (1 + (X/3)^6)^(1/6) + 2) = 0.16
        // Idte (T = 150, TELR 65) = 2.81, Idle (Tr = 300, WEPL 110) = 0.84: R = 94.77 - 1.41 - 3.81 = 89.54
        assertThat(EModel.G711_PLC.rating(150, 0, 1)).isCloseTo(89.54, within(0.05));
        // Ta = 400: X = 2, Idd = 25 (65^(1/6) - 3 * 1.0141 + 2) = 24.07, so R drops into the 60s
        assertThat(EModel.G711_PLC.rating(400, 0, 1)).isCloseTo(62.25, within(0.05));
        double idd400 = EModel.delayImpairment(400) - EModel.delayImpairment(100);
        assertThat(idd400).isGreaterThan(24);
    }

    @Test
    void upTo100MsOnlyEchoTermsCount() {
        // no Idd below 100 ms: the step from 99 to 100 ms is tiny, from 100 to 101 ms it is Idd's start
        assertThat(EModel.G711_PLC.rating(99, 0, 1) - EModel.G711_PLC.rating(100, 0, 1)).isLessThan(0.05);
        assertThat(EModel.G711_PLC.rating(0, 0, 1)).isGreaterThan(EModel.G711_PLC.rating(100, 0, 1));
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> EModel.G711_PLC.rating(-1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EModel.G711_PLC.rating(0, 101, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EModel.G711_PLC.rating(0, 1, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EModel(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EModel(96, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
