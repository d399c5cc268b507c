package com.crosspoint.trunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OutsidePolicyTest {
    private static final NumberPlan PLAN = NumberPlan.northAmerica();
    private final OutsidePolicy policy = new OutsidePolicy(PLAN, Set.of("911", "112"), List.of("+1900", "+1976"),
            false, List.of("+44"));

    @Test
    void emergencyNumbersGoOutAsDialledEvenWhenTheyLookBarred() {
        OutsidePolicy barsEverything = new OutsidePolicy(PLAN, Set.of("911"), List.of("+1"), false, List.of());

        assertThat(barsEverything.classify("911")).isEqualTo(new ExternalNumber.Emergency("911"));
        assertThat(policy.classify("112")).isEqualTo(new ExternalNumber.Emergency("112"));
    }

    @Test
    void premiumPrefixesAreBarred() {
        assertThat(policy.classify("19005551234"))
                .isEqualTo(new ExternalNumber.Barred("+19005551234", "premium or barred prefix +1900"));
        assertThat(policy.classify("2125551234")).isEqualTo(new ExternalNumber.Public("+12125551234"));
    }

    @Test
    void internationalNumbersAreBarredUnlessAllowedByPrefix() {
        assertThat(policy.classify("011331426853000"))
                .isEqualTo(new ExternalNumber.Barred("+331426853000", "international calls are not allowed"));
        assertThat(policy.classify("011442071234567")).isEqualTo(new ExternalNumber.Public("+442071234567"));
        OutsidePolicy open = new OutsidePolicy(PLAN, Set.of(), List.of(), true, List.of());
        assertThat(open.classify("011331426853000")).isEqualTo(new ExternalNumber.Public("+331426853000"));
    }

    @Test
    void whatIsNoNumberIsSaidSo() {
        assertThat(policy.classify("12")).isEqualTo(new ExternalNumber.NotANumber("12"));
    }

    @Test
    void prefixesMustBeE164() {
        assertThatThrownBy(() -> new OutsidePolicy(PLAN, Set.of(), List.of("1900"), false, List.of()))
                .hasMessageContaining("1900");
    }
}
