package com.crosspoint.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DigestAlgorithmTest {

    @Test
    void parsesTokensIgnoringCase() {
        assertThat(DigestAlgorithm.fromToken("MD5")).contains(DigestAlgorithm.MD5);
        assertThat(DigestAlgorithm.fromToken("md5")).contains(DigestAlgorithm.MD5);
        assertThat(DigestAlgorithm.fromToken("SHA-256")).contains(DigestAlgorithm.SHA_256);
        assertThat(DigestAlgorithm.fromToken("sha-256")).contains(DigestAlgorithm.SHA_256);
        assertThat(DigestAlgorithm.fromToken("MD5-sess")).contains(DigestAlgorithm.MD5_SESS);
        assertThat(DigestAlgorithm.fromToken("SHA-256-SESS")).contains(DigestAlgorithm.SHA_256_SESS);
        assertThat(DigestAlgorithm.fromToken("SHA-512-256")).contains(DigestAlgorithm.SHA_512_256);
    }

    @Test
    void unknownTokensAreEmpty() {
        assertThat(DigestAlgorithm.fromToken(null)).isEmpty();
        assertThat(DigestAlgorithm.fromToken("")).isEmpty();
        assertThat(DigestAlgorithm.fromToken("SHA256")).isEmpty();
        assertThat(DigestAlgorithm.fromToken("AKAv1-MD5")).isEmpty();
        assertThat(DigestAlgorithm.fromToken("MD5 ")).isEmpty();
    }

    @Test
    void hashesAreLowerCaseHexOfTheRightLength() {
        assertThat(DigestAlgorithm.MD5.hashHex("")).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
        assertThat(DigestAlgorithm.SHA_256.hashHex(""))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        // FIPS 180-4 SHA-512/256 of "abc" (NIST example), not SHA-512 truncated.
        assertThat(DigestAlgorithm.SHA_512_256.hashHex("abc"))
                .isEqualTo("53048e2681941ef99b2e29b76b4c7dabe4c2d0c634fc6d46e0e2f13107e7af23");
        assertThat(DigestAlgorithm.MD5.hexLength()).isEqualTo(32);
        assertThat(DigestAlgorithm.SHA_256_SESS.hexLength()).isEqualTo(64);
    }

    @Test
    void hashesUtf8() {
        assertThat(DigestAlgorithm.MD5.hashHex("ä")).isEqualTo(DigestAlgorithm.MD5.hashHex(new byte[] {(byte) 0xc3, (byte) 0xa4}));
    }
}
