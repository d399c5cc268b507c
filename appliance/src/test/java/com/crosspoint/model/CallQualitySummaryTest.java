package com.crosspoint.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CallQualitySummaryTest {

    @Test
    void roundedKeepsTwoDecimals() {
        assertThat(CallQualitySummary.rounded(4.3745, 5.0167, 0.004, 12.345))
                .isEqualTo(new CallQualitySummary(4.37, 5.02, 0, 12.35));
        assertThat(CallQualitySummary.rounded(4.5, 0, 0, null).rttMillis()).isNull();
    }

    @Test
    void valuesOutsideTheirRangeAreRefused() {
        assertThatThrownBy(() -> new CallQualitySummary(0.5, 0, 0, null)).hasMessageContaining("MOS");
        assertThatThrownBy(() -> new CallQualitySummary(4.6, 0, 0, null)).hasMessageContaining("MOS");
        assertThatThrownBy(() -> new CallQualitySummary(4, 101, 0, null)).hasMessageContaining("loss");
        assertThatThrownBy(() -> new CallQualitySummary(4, 0, -1, null)).hasMessageContaining("jitter");
        assertThatThrownBy(() -> new CallQualitySummary(4, 0, 0, -2.0)).hasMessageContaining("RTT");
    }
}
