package com.crosspoint.trunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class NumberPlanTest {
    private static final NumberPlan NEW_YORK = new NumberPlan("1", "011", "1", 10, "212", 7);
    private static final NumberPlan LONDON = new NumberPlan("44", "00", "0", 0, "", 0);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "2125551234, +12125551234",
            "12125551234, +12125551234",
            "+12125551234, +12125551234",
            "5551234, +12125551234",
            "(212) 555-1234, +12125551234",
            "011442071234567, +442071234567",
            "+44 20 7123 4567, +442071234567",
    })
    void northAmericanDialling(String dialled, String e164) {
        assertThat(NEW_YORK.toE164(dialled)).contains(e164);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "02071234567, +442071234567",
            "07700900123, +447700900123",
            "0033142685300, +33142685300",
            "+1 212 555 1234, +12125551234",
    })
    void ukDialling(String dialled, String e164) {
        assertThat(LONDON.toE164(dialled)).contains(e164);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "1001",              // an extension length: no local dialling in London
            "abc",
            "+",
            "+0123456789",       // no country code starts with 0
            "+1234567890123456", // 16 digits: longer than E.164 allows
            "12345",
            "2125551234#",
    })
    void whatIsNoPublicNumber(String dialled) {
        assertThat(LONDON.toE164(dialled)).isEqualTo(Optional.empty());
        assertThat(NEW_YORK.toE164(dialled)).isEqualTo(Optional.empty());
    }

    @Test
    void aNumberOfAnotherCountryIsInternational() {
        assertThat(NEW_YORK.isInternational("+442071234567")).isTrue();
        assertThat(NEW_YORK.isInternational("+12125551234")).isFalse();
        assertThat(LONDON.isInternational("+12125551234")).isTrue();
    }

    @Test
    void aPlanThatCannotWorkIsRefused() {
        assertThatThrownBy(() -> new NumberPlan("0", "00", "0", 0, "", 0)).hasMessageContaining("country code");
        assertThatThrownBy(() -> new NumberPlan("44", "", "0", 0, "", 0)).hasMessageContaining("international prefix");
        assertThatThrownBy(() -> new NumberPlan("1", "011", "1", 10, "212", 0)).hasMessageContaining("local");
    }
}
