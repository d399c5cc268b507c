package com.crosspoint.acr.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CarrierLoadTest {
    private final CarrierLoad load = new CarrierLoad();

    @Test
    void channelsAreTakenAndFreed() {
        assertThat(load.tryStart(2, 0, 1_000)).isTrue();
        assertThat(load.tryStart(2, 0, 1_000)).isTrue();
        assertThat(load.hasRoom(2, 0, 1_000)).isFalse();
        assertThat(load.tryStart(2, 0, 1_000)).isFalse();
        assertThat(load.channels()).isEqualTo(2);

        load.end();
        assertThat(load.tryStart(2, 0, 1_000)).isTrue();
    }

    @Test
    void callsPerSecondAreCountedPerSecond() {
        assertThat(load.tryStart(0, 2, 5_000)).isTrue();
        assertThat(load.tryStart(0, 2, 5_999)).isTrue();
        assertThat(load.tryStart(0, 2, 5_999)).isFalse();
        assertThat(load.callsThisSecond(5_999)).isEqualTo(2);

        assertThat(load.tryStart(0, 2, 6_000)).isTrue();
        assertThat(load.callsThisSecond(6_000)).isEqualTo(1);
        assertThat(load.channels()).isEqualTo(3);
    }

    @Test
    void zeroMeansNoLimit() {
        for (int i = 0; i < 10_000; i++) {
            assertThat(load.tryStart(0, 0, 1_000)).isTrue();
        }
    }

    @Test
    void anEndWithoutAStartDoesNotGoNegative() {
        load.end();

        assertThat(load.channels()).isZero();
    }

    @Test
    void theRecentRateAveragesTheLastTenWholeSecondsAndForgetsOlderOnes() {
        for (int second = 0; second < 12; second++) {
            for (int call = 0; call < second; call++) {
                load.tryStart(0, 0, second * 1_000L + call);
            }
        }
        // at 12.5 s: seconds 2..11 started 2+3+...+11 = 65 calls; second 12 is still filling, 0 and 1 are too old
        assertThat(load.recentCallsPerSecond(12_500)).isEqualTo(6.5);
        // a minute later nothing is recent, although the slots still hold old counts
        assertThat(load.recentCallsPerSecond(72_500)).isZero();
    }

    @Test
    void theRecentRateIsZeroForANewCarrierAtTheStartOfTime() {
        assertThat(load.recentCallsPerSecond(0)).isZero();
        assertThat(load.recentCallsPerSecond(5_000)).isZero();
    }
}
