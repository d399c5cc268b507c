package com.crosspoint.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RtpStatReportTest {

    @Test
    void formatsTheFiguresWithTwoDecimalsAndRttOnlyWhenKnown() {
        assertThat(RtpStatReport.format(new CallQualitySummary(4.2, 0.5, 3.125, 20.0)))
                .isEqualTo("MOS=4.20;PLR=0.50;JI=3.13;RTT=20.00");
        assertThat(RtpStatReport.format(new CallQualitySummary(1.87, 30, 0, null)))
                .isEqualTo("MOS=1.87;PLR=30.00;JI=0.00");
    }

    @Test
    void readsBackTheMosItWrote() {
        String value = RtpStatReport.format(new CallQualitySummary(3.61, 2, 4, null));
        assertThat(RtpStatReport.mos(value)).hasValue(3.61);
    }

    @Test
    void readsTheMosAmongOtherVendorsFieldsInAnyOrderCaseAndSeparator() {
        assertThat(RtpStatReport.mos("PS=207;OS=49680;;PR=314;OR=50240;PL=0;JI=600;LA=40;mos = 4.1;")).hasValue(4.1);
        assertThat(RtpStatReport.mos("PR=314, PL=3, MOS=2.5")).hasValue(2.5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "PS=207;OS=49680;PL=0;JI=600", "MOS=", "MOS", "MOS=abc", "MOS=0.9", "MOS=5.01",
            "MOS=-3", "MOS=NaN", "MOS=Infinity", "MOS=1e0", "MOS=4.2;MOS=1.1", "MOS=4.123456", "MOS=0x4"})
    void anythingElseGivesNoMos(String value) {
        assertThat(RtpStatReport.mos(value)).isEmpty();
    }

    @Test
    void noHeaderOrAnOversizedOneGivesNoMos() {
        assertThat(RtpStatReport.mos(null)).isEmpty();
        String huge = "X=" + "9".repeat(RtpStatReport.MAX_LENGTH) + ";MOS=4.0";
        assertThat(RtpStatReport.mos(huge)).isEqualTo(OptionalDouble.empty());
    }

    @Test
    void theBoundsAreIncluded() {
        assertThat(RtpStatReport.mos("MOS=1")).hasValue(1.0);
        assertThat(RtpStatReport.mos("MOS=5.00")).hasValue(5.0);
    }
}
