package com.crosspoint.sip.b2bua;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.media.quality.CallQuality;
import com.crosspoint.media.quality.EModel;
import com.crosspoint.model.CallQualitySummary;
import org.junit.jupiter.api.Test;

class QualitySummariesTest {

    @Test
    void theEnginesFiguresAreRoundedToWhatTheCdrStores() {
        CallQuality q = CallQuality.assess(285, 300, 1.23456, 41.987, 60, EModel.G711_PLC);

        CallQualitySummary s = QualitySummaries.of(q);

        assertThat(s.lossPercent()).isEqualTo(5.0);
        assertThat(s.jitterMillis()).isEqualTo(1.23);
        assertThat(s.rttMillis()).isEqualTo(41.99);
        assertThat(s.mos()).isEqualTo(Math.round(q.mos() * 100) / 100.0);
        assertThat(s.mos()).isLessThan(QualitySummaries.of(CallQuality.assess(300, 300, 1.2, 42.0, 60,
                EModel.G711_PLC)).mos());
    }

    @Test
    void noRoundTripStaysNull() {
        assertThat(QualitySummaries.of(CallQuality.assess(100, 100, 0, null, 60, EModel.G711_PLC)).rttMillis()).isNull();
    }

    @Test
    void aLegThatReceivedNothingHasNoQuality() {
        assertThat(QualitySummaries.of(CallQuality.assess(0, 0, 0, null, 60, EModel.G711_PLC))).isNull();
        assertThat(QualitySummaries.of(null)).isNull();
    }
}
