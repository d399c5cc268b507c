package com.crosspoint.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The client side of Digest against RFC 7616 §3.9.1's published example (the same credentials answered with SHA-256
 * and with MD5), the server's order of preference, and the challenges we must not answer.
 */
class DigestAnswerTest {
    private static final String NONCE = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
    private static final String OPAQUE = "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS";
    private static final String CNONCE = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

    private static String challenge(String algorithm) {
        return "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm=" + algorithm
                + ", nonce=\"" + NONCE + "\", opaque=\"" + OPAQUE + "\"";
    }

    private static String answer(List<String> challenges) {
        return DigestAnswer.answer(challenges, "Mufasa", "Circle of Life", "GET", "/dir/index.html", CNONCE)
                .orElseThrow();
    }

    @Test
    void answersRfc7616sSha256ExampleWithQopAuth() {
        DigestCredentials c = DigestCredentials.parse(answer(List.of(challenge("SHA-256")))).orElseThrow();
        assertThat(c.response()).isEqualTo("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1");
        assertThat(c.username()).isEqualTo("Mufasa");
        assertThat(c.realm()).isEqualTo("http-auth@example.org");
        assertThat(c.uri()).isEqualTo("/dir/index.html");
        assertThat(c.algorithm()).isEqualTo("SHA-256");
        assertThat(c.qop()).isEqualTo("auth");
        assertThat(c.nc()).isEqualTo("00000001");
        assertThat(c.cnonce()).isEqualTo(CNONCE);
        assertThat(c.opaque()).isEqualTo(OPAQUE);
    }

    @Test
    void answersRfc7616sMd5ExampleAndTakesTheFirstChallengeItCanAnswer() {
        String md5 = "8ca523f5e9506fed4657c9700eebdbec";
        assertThat(DigestCredentials.parse(answer(List.of(challenge("MD5")))).orElseThrow().response()).isEqualTo(md5);
        assertThat(DigestCredentials.parse(answer(List.of(challenge("SHA-999"), challenge("MD5"))))
                .orElseThrow().response()).isEqualTo(md5);
        assertThat(DigestCredentials.parse(answer(List.of(challenge("SHA-256"), challenge("MD5"))))
                .orElseThrow().algorithm()).as("the server's first preference").isEqualTo("SHA-256");
    }

    @Test
    void aChallengeWithoutQopGetsTheRfc2069Response() {
        String value = answer(List.of("Digest realm=\"r\", nonce=\"n\""));
        DigestCredentials c = DigestCredentials.parse(value).orElseThrow();
        String ha1 = DigestHashes.ha1(DigestAlgorithm.MD5, "Mufasa", "r", "Circle of Life");
        assertThat(c.response()).isEqualTo(DigestHashes.responseWithoutQop(DigestAlgorithm.MD5, ha1, "n",
                DigestHashes.ha2(DigestAlgorithm.MD5, "GET", "/dir/index.html")));
        assertThat(c.qop()).isNull();
        assertThat(c.nc()).isNull();
        assertThat(value).doesNotContain("cnonce");
    }

    @Test
    void challengesWeCannotAnswerGiveNothing() {
        for (String challenge : List.of("Basic realm=\"r\"", "Digest realm=\"r\", nonce=\"n\", qop=\"auth-int\"",
                "Digest realm=\"r\"", "Digest nonce=\"n\"", "Digest realm=\"r\", nonce=\"n\", algorithm=SHA-999",
                "Digest realm=\"r\", realm=\"s\", nonce=\"n\"")) {
            assertThat(DigestAnswer.answer(challenge, "u", "p", "INVITE", "sip:x@y", "c")).as(challenge).isEmpty();
        }
    }

    @Test
    void aUserNameThatWouldBreakTheHeaderIsRefused() {
        assertThatThrownBy(() -> DigestAnswer.answer("Digest realm=\"r\", nonce=\"n\"", "u\r\nX: y", "p", "INVITE",
                "sip:x@y", "c")).isInstanceOf(IllegalArgumentException.class);
    }
}
