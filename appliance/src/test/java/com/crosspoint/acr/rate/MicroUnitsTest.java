package com.crosspoint.acr.rate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MicroUnitsTest {
    @ParameterizedTest
    @CsvSource({"0, 0", "0.0125, 12500", ".5, 500000", "12, 12000000", "0.000001, 1", "1.10000000, 1100000",
            "999999999.999999, 999999999999999"})
    void decimalsAreReadExactly(String text, long micros) {
        assertThat(MicroUnits.parse(text)).isEqualTo(micros);
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "12500, 0.0125", "2000000, 2", "1, 0.000001", "1100000, 1.1"})
    void formatWritesTheShortestDecimal(long micros, String text) {
        assertThat(MicroUnits.format(micros)).isEqualTo(text);
        assertThat(MicroUnits.parse(MicroUnits.format(micros))).isEqualTo(micros);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "", ".", "-1", "1,5", "1.2.3", "1e3", " 1"})
    void notANumber(String text) {
        assertThatThrownBy(() -> MicroUnits.parse(text)).isInstanceOf(NumberFormatException.class)
                .hasMessage("is not a number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0000001", "1.1234567"})
    void moreThanSixDecimalsIsRefusedRatherThanRounded(String text) {
        assertThatThrownBy(() -> MicroUnits.parse(text)).hasMessage("has more than 6 decimals");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1000000000", "99999999999999999999"})
    void tooLarge(String text) {
        assertThatThrownBy(() -> MicroUnits.parse(text)).hasMessageContaining("too large");
    }
}
