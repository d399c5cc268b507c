package com.crosspoint.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DigestCredentialsTest {

    private static final String REQUIRED =
            "username=\"bob\", realm=\"biloxi.com\", nonce=\"n\", uri=\"sip:biloxi.com\", response=\"r\"";

    @Test
    void parsesAFullSipAuthorizationValue() {
        Optional<DigestCredentials> parsed = DigestCredentials.parse(
                "Digest username=\"bob\", realm=\"biloxi.com\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\","
                        + " uri=\"sip:bob@biloxi.com\", qop=auth, nc=00000001, cnonce=\"0a4f113b\","
                        + " response=\"89eb0059246c02b2f6ee02c7961d5ea3\", algorithm=MD5,"
                        + " opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"");

        assertThat(parsed).contains(new DigestCredentials("bob", "biloxi.com", "dcd98b7102dd2f0e8b11d0f600bfb0c093",
                "sip:bob@biloxi.com", "89eb0059246c02b2f6ee02c7961d5ea3", "MD5", "0a4f113b", "auth", "00000001",
                "5ccc069c403ebaf9f0171e9517f40e41"));
    }

    @Test
    void optionalParametersAreNullWhenAbsent() {
        DigestCredentials credentials = DigestCredentials.parse("Digest " + REQUIRED).orElseThrow();

        assertThat(credentials.algorithm()).isNull();
        assertThat(credentials.cnonce()).isNull();
        assertThat(credentials.qop()).isNull();
        assertThat(credentials.nc()).isNull();
        assertThat(credentials.opaque()).isNull();
    }

    @Test
    void schemeAndParameterNamesAreCaseInsensitive() {
        DigestCredentials credentials = DigestCredentials.parse(
                "dIGEST UserName=\"bob\", REALM=\"biloxi.com\", Nonce=\"n\", URI=\"sip:biloxi.com\","
                        + " Response=\"r\", ALGORITHM=sha-256, QoP=auth").orElseThrow();

        assertThat(credentials.username()).isEqualTo("bob");
        assertThat(credentials.realm()).isEqualTo("biloxi.com");
        assertThat(credentials.algorithm()).isEqualTo("sha-256");
        assertThat(credentials.qop()).isEqualTo("auth");
    }

    @Test
    void valuesKeepTheirCase() {
        DigestCredentials credentials = DigestCredentials.parse(
                "Digest username=\"Bob\", realm=\"Biloxi.COM\", nonce=\"AbC\", uri=\"sip:X\", response=\"r\"")
                .orElseThrow();

        assertThat(credentials.username()).isEqualTo("Bob");
        assertThat(credentials.realm()).isEqualTo("Biloxi.COM");
        assertThat(credentials.nonce()).isEqualTo("AbC");
    }

    @Test
    void unescapesQuotedPairs() {
        DigestCredentials credentials = DigestCredentials.parse(
                "Digest username=\"b\\\"o\\\\b\\x\", realm=\"a\\,b\", nonce=\"n\", uri=\"sip:biloxi.com\", response=\"r\"")
                .orElseThrow();

        assertThat(credentials.username()).isEqualTo("b\"o\\bx");
        assertThat(credentials.realm()).isEqualTo("a,b");
    }

    @Test
    void keepsCommasEqualsSignsAndSpacesInsideQuotes() {
        DigestCredentials credentials = DigestCredentials.parse(
                "Digest username=\"bob, the = builder\", realm=\"biloxi.com\", nonce=\"n\", uri=\"sip:a b\","
                        + " response=\"r\"").orElseThrow();

        assertThat(credentials.username()).isEqualTo("bob, the = builder");
        assertThat(credentials.uri()).isEqualTo("sip:a b");
    }

    @Test
    void toleratesArbitraryWhitespaceEmptyElementsAndFolding() {
        DigestCredentials credentials = DigestCredentials.parse(
                "  Digest \t ,, username = \"bob\" ,realm=\"biloxi.com\",\r\n nonce\t=\t\"n\" ,,, uri=\"sip:biloxi.com\""
                        + ",response=\"r\" ,  ").orElseThrow();

        assertThat(credentials.username()).isEqualTo("bob");
        assertThat(credentials.nonce()).isEqualTo("n");
        assertThat(credentials.response()).isEqualTo("r");
    }

    @Test
    void acceptsUnquotedValuesIncludingUris() {
        DigestCredentials credentials = DigestCredentials.parse(
                "Digest username=bob, realm=biloxi.com, nonce=abc123, uri=sip:bob@biloxi.com;transport=tcp,"
                        + " response=0123abcd, nc=0000000a").orElseThrow();

        assertThat(credentials.username()).isEqualTo("bob");
        assertThat(credentials.uri()).isEqualTo("sip:bob@biloxi.com;transport=tcp");
        assertThat(credentials.nc()).isEqualTo("0000000a");
    }

    @Test
    void ignoresUnknownParameters() {
        DigestCredentials credentials = DigestCredentials.parse(
                "Digest foo=bar, " + REQUIRED + ", userhash=false, x-vendor=\"a, \\\"b\\\"\", charset=UTF-8")
                .orElseThrow();

        assertThat(credentials.username()).isEqualTo("bob");
    }

    @Test
    void acceptsEmptyQuotedValues() {
        DigestCredentials credentials = DigestCredentials.parse(
                "Digest username=\"\", realm=\"biloxi.com\", nonce=\"n\", uri=\"sip:biloxi.com\", response=\"r\"")
                .orElseThrow();

        assertThat(credentials.username()).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        // RFC 4475 s3.1.2.17 (regaut01): an authorization scheme nobody knows
        "NoOneKnowsThisScheme opaque-data=here",
        "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==",
        "Bearer eyJhbGciOiJIUzI1NiJ9.e30.ZRrHA1JJJW8opsbCGfG_HACGpVUMN_a9IV7pAx_Zmeo",
        "Digest",
        "Digest ",
        "Digestusername=\"bob\", realm=\"biloxi.com\", nonce=\"n\", uri=\"sip:biloxi.com\", response=\"r\"",
        "DigestX username=\"bob\", realm=\"biloxi.com\", nonce=\"n\", uri=\"sip:biloxi.com\", response=\"r\"",
        "   ",
        "\"Digest\" username=\"bob\"",
        "Digest username=\"bob",
        "Digest username=\"bob\\",
        "Digest username=\"bob\" realm=\"biloxi.com\", nonce=\"n\", uri=\"sip:biloxi.com\", response=\"r\"",
        "Digest username=bob realm=biloxi.com",
        "Digest =\"bob\", realm=\"biloxi.com\"",
        "Digest username, realm=\"biloxi.com\"",
        "Digest username=, realm=\"biloxi.com\", nonce=\"n\", uri=\"sip:biloxi.com\", response=\"r\"",
        "Digest username=b\"ob, realm=\"biloxi.com\", nonce=\"n\", uri=\"sip:biloxi.com\", response=\"r\"",
        "Digest username=\"b\u0000ob\", realm=\"biloxi.com\", nonce=\"n\", uri=\"sip:biloxi.com\", response=\"r\"",
        "Digest username=\"b\\\rob\", realm=\"biloxi.com\", nonce=\"n\", uri=\"sip:biloxi.com\", response=\"r\"",
        "Digest username=\"bob\", username=\"alice\", realm=\"biloxi.com\", nonce=\"n\", uri=\"sip:biloxi.com\", response=\"r\"",
        "Digest username=\"bob\", USERNAME=\"bob\", realm=\"biloxi.com\", nonce=\"n\", uri=\"sip:biloxi.com\", response=\"r\"",
        "Digest realm=\"biloxi.com\", nonce=\"n\", uri=\"sip:biloxi.com\", response=\"r\"",
        "Digest username=\"bob\", nonce=\"n\", uri=\"sip:biloxi.com\", response=\"r\"",
        "Digest username=\"bob\", realm=\"biloxi.com\", uri=\"sip:biloxi.com\", response=\"r\"",
        "Digest username=\"bob\", realm=\"biloxi.com\", nonce=\"n\", response=\"r\"",
        "Digest username=\"bob\", realm=\"biloxi.com\", nonce=\"n\", uri=\"sip:biloxi.com\"",
        "\u0000\u0001\u0002 garbage \uFFFF",
    })
    void rejectsOtherSchemesAndGarbageWithoutThrowing(String headerValue) {
        assertThat(DigestCredentials.parse(headerValue)).isEmpty();
    }

    @Test
    void toStringLeavesOutTheResponse() {
        DigestCredentials credentials = DigestCredentials.parse(
                "Digest username=\"bob\", realm=\"biloxi.com\", nonce=\"n\", uri=\"sip:biloxi.com\","
                        + " response=\"89eb0059246c02b2f6ee02c7961d5ea3\"").orElseThrow();

        assertThat(credentials.toString()).contains("bob").doesNotContain("89eb0059246c02b2f6ee02c7961d5ea3");
    }
}
