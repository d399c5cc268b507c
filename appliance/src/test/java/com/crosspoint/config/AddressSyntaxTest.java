package com.crosspoint.config;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class AddressSyntaxTest {

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "127.0.0.1", "192.168.1.10", "255.255.255.255", "::", "::1",
            "fe80::1", "2001:db8::5", "::ffff:10.0.0.1"})
    void acceptsIpLiterals(String text) {
        assertThat(AddressSyntax.isIpLiteral(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "localhost", "256.0.0.1", "1.2.3", "01.2.3.4", "1.2.3.4.5", "1:2:3",
            "2001:db8::g", ":::", "[::1]", "fe80::1%eth0", " 10.0.0.1"})
    void rejectsEverythingElseWithoutLookingItUp(String text) {
        assertThat(AddressSyntax.isIpLiteral(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "::", "0:0:0:0:0:0:0:0"})
    void recognizesWildcards(String text) {
        assertThat(AddressSyntax.isWildcard(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.0.0.1", "::1"})
    void concreteAddressesAreNotWildcards(String text) {
        assertThat(AddressSyntax.isWildcard(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"pbx", "pbx.example.com", "demo.crosspoint.local", "a-b.c1", "xn--bcher-kva.example"})
    void acceptsHostNames(String text) {
        assertThat(AddressSyntax.isHostName(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-pbx", "pbx-", "pbx..example", "pbx.example.", "under_score.com", "10.0.0.1",
            "300.1.1.1", "a b"})
    void rejectsNonHostNames(String text) {
        assertThat(AddressSyntax.isHostName(text)).isFalse();
    }
}
