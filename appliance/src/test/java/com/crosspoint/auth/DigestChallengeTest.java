package com.crosspoint.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DigestChallengeTest {

    @Test
    void offersSha256FirstThenMd5WithQopAuth() {
        DigestChallenge challenge = new DigestChallenge("biloxi.com", "abc_-123", false, null);

        assertThat(challenge.headerValues()).containsExactly(
                "Digest realm=\"biloxi.com\", nonce=\"abc_-123\", algorithm=SHA-256, qop=\"auth\"",
                "Digest realm=\"biloxi.com\", nonce=\"abc_-123\", algorithm=MD5, qop=\"auth\"");
    }

    @Test
    void marksStaleAndCarriesOpaque() {
        DigestChallenge challenge = new DigestChallenge("biloxi.com", "n", true, "5ccc069c");

        assertThat(challenge.headerValue(DigestAlgorithm.SHA_256)).isEqualTo(
                "Digest realm=\"biloxi.com\", nonce=\"n\", opaque=\"5ccc069c\", algorithm=SHA-256, qop=\"auth\","
                        + " stale=true");
    }

    @Test
    void escapesQuotesAndBackslashesInTheRealm() {
        DigestChallenge challenge = new DigestChallenge("a \"quoted\" \\ realm", "n", false, null);

        assertThat(challenge.headerValue(DigestAlgorithm.MD5)).startsWith("Digest realm=\"a \\\"quoted\\\" \\\\ realm\",");
    }

    @Test
    void refusesControlCharactersThatCouldInjectHeaders() {
        assertThatThrownBy(() -> new DigestChallenge("biloxi.com\r\nX-Evil: 1", "n", false, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DigestChallenge("biloxi.com", "n", false, "a\nb"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aClientCanAnswerWithTheParametersItWasChallengedWith() {
        // Round trip: what we put in the challenge comes back unchanged through our credentials parser.
        DigestChallenge challenge = new DigestChallenge("a \"quoted\" realm", "n", false, null);
        String realmParameter = challenge.headerValue(DigestAlgorithm.MD5).split(", nonce=")[0].substring("Digest ".length());

        DigestCredentials echoed = DigestCredentials.parse("Digest username=\"bob\", " + realmParameter
                + ", nonce=\"n\", uri=\"sip:x\", response=\"r\"").orElseThrow();

        assertThat(echoed.realm()).isEqualTo("a \"quoted\" realm");
    }
}
