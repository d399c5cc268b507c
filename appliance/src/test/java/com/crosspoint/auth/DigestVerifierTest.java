package com.crosspoint.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crosspoint.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class DigestVerifierTest {

    private static final String REALM = "biloxi.com";
    private static final String URI = "sip:biloxi.com";
    private static final Duration TTL = Duration.ofSeconds(30);
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final MutableClock clock = MutableClock.atEpochPlusOneDay();
    private final NonceService nonces = new NonceService(SECRET, TTL, 10_000, clock);
    private final DigestVerifier verifier = new DigestVerifier(nonces);
    private final Map<String, StoredCredential> devices = Map.of(
            "bob", StoredCredential.fromPassword("bob", REALM, "zanzibar"),
            "alice", StoredCredential.fromPassword("alice", REALM, "wonderland"));
    private final CredentialLookup lookup = username -> Optional.ofNullable(devices.get(username));

    @Test
    void missingCredentialsGetAChallengeOfferingSha256ThenMd5() {
        AuthResult.Challenge challenge = challenge(verifier.verify("REGISTER", null, REALM, lookup));

        assertThat(challenge.reason()).isEqualTo(AuthFailureReason.MISSING);
        assertThat(challenge.stale()).isFalse();
        assertThat(challenge.headerValues()).hasSize(2);
        assertThat(challenge.headerValues().get(0)).startsWith("Digest realm=\"biloxi.com\", nonce=\"")
                .contains("algorithm=SHA-256", "qop=\"auth\"").doesNotContain("stale");
        assertThat(challenge.headerValues().get(1)).contains("algorithm=MD5");
        assertThat(nonces.check(challenge.challenge().nonce())).isEqualTo(NonceStatus.VALID);
        assertThat(challenge(verifier.verify("REGISTER", "  ", REALM, lookup)).reason())
                .isEqualTo(AuthFailureReason.MISSING);
    }

    @ParameterizedTest
    @EnumSource(value = DigestAlgorithm.class, names = {"SHA_256", "MD5"})
    void authenticatesWithEitherOfferedAlgorithm(DigestAlgorithm algorithm) {
        String nonce = freshNonce();

        AuthResult result = verifier.verify("REGISTER",
                new Uac("bob", "zanzibar").algorithm(algorithm).answer("REGISTER", nonce, 1), REALM, lookup);

        assertThat(result).isEqualTo(new AuthResult.Authenticated("bob", algorithm));
    }

    @Test
    void absentAlgorithmMeansMd5() {
        String authorization = new Uac("bob", "zanzibar").omitAlgorithm().answer("INVITE", freshNonce(), 1);

        assertThat(verifier.verify("INVITE", authorization, REALM, lookup))
                .isEqualTo(new AuthResult.Authenticated("bob", DigestAlgorithm.MD5));
    }

    @Test
    void acceptsUpperCaseQopAlgorithmAndResponseHex() {
        String nonce = freshNonce();
        Uac uac = new Uac("bob", "zanzibar");
        String response = uac.response("REGISTER", nonce, "00000001", "AUTH");
        String authorization = "Digest username=\"bob\", realm=\"biloxi.com\", nonce=\"" + nonce + "\", uri=\"" + URI
                + "\", response=\"" + response.toUpperCase() + "\", algorithm=sha-256, qop=AUTH, nc=00000001,"
                + " cnonce=\"" + uac.cnonce + "\"";

        assertThat(verifier.verify("REGISTER", authorization, REALM, lookup)).isInstanceOf(AuthResult.Authenticated.class);
    }

    @Test
    void increasingNonceCountsReuseOneNonceAndARepeatedCountIsAReplay() {
        String nonce = freshNonce();
        Uac bob = new Uac("bob", "zanzibar");

        assertThat(verifier.verify("REGISTER", bob.answer("REGISTER", nonce, 1), REALM, lookup))
                .isInstanceOf(AuthResult.Authenticated.class);
        assertThat(verifier.verify("INVITE", bob.answer("INVITE", nonce, 2), REALM, lookup))
                .isInstanceOf(AuthResult.Authenticated.class);

        AuthResult.Challenge replay = challenge(verifier.verify("INVITE", bob.answer("INVITE", nonce, 2), REALM, lookup));
        assertThat(replay.reason()).isEqualTo(AuthFailureReason.REPLAY);
        // The digest was right, so the client may retry with the new nonce without asking the user.
        assertThat(replay.stale()).isTrue();
        assertThat(replay.headerValues()).allSatisfy(value -> assertThat(value).endsWith(", stale=true"));
    }

    @Test
    void withoutQopANonceServesOneRequest() {
        String nonce = freshNonce();
        Uac rfc2069 = new Uac("bob", "zanzibar").withoutQop();

        assertThat(verifier.verify("REGISTER", rfc2069.answer("REGISTER", nonce, 1), REALM, lookup))
                .isInstanceOf(AuthResult.Authenticated.class);
        AuthResult.Challenge again = challenge(verifier.verify("REGISTER", rfc2069.answer("REGISTER", nonce, 1),
                REALM, lookup));

        assertThat(again.reason()).isEqualTo(AuthFailureReason.REPLAY);
        assertThat(again.stale()).isTrue();
    }

    @Test
    void wrongPasswordAndUnknownUserLookTheSameToTheClient() {
        String nonce = freshNonce();
        AuthResult.Challenge wrongPassword = challenge(verifier.verify("REGISTER",
                new Uac("bob", "guess").answer("REGISTER", nonce, 1), REALM, lookup));
        AuthResult.Challenge unknownUser = challenge(verifier.verify("REGISTER",
                new Uac("mallory", "guess").answer("REGISTER", nonce, 1), REALM, lookup));

        assertThat(wrongPassword.reason()).isEqualTo(AuthFailureReason.BAD_RESPONSE);
        assertThat(unknownUser.reason()).isEqualTo(AuthFailureReason.UNKNOWN_USER);
        assertThat(wrongPassword.stale()).isFalse();
        assertThat(unknownUser.stale()).isFalse();
        assertThat(withoutNonce(unknownUser)).isEqualTo(withoutNonce(wrongPassword));
    }

    @Test
    void unknownUsersAreLookedUpAndHashedLikeKnownOnes() {
        AtomicInteger lookups = new AtomicInteger();
        CredentialLookup counting = username -> {
            lookups.incrementAndGet();
            return lookup.find(username);
        };

        verifier.verify("REGISTER", new Uac("mallory", "guess").answer("REGISTER", freshNonce(), 1), REALM, counting);
        verifier.verify("REGISTER", new Uac("bob", "guess").answer("REGISTER", freshNonce(), 1), REALM, counting);

        assertThat(lookups).hasValue(2);
    }

    @Test
    void staleNonceWithTheRightPasswordGetsStaleTrue() {
        String nonce = freshNonce();
        clock.advance(TTL);

        AuthResult.Challenge challenge = challenge(verifier.verify("REGISTER",
                new Uac("bob", "zanzibar").answer("REGISTER", nonce, 1), REALM, lookup));

        assertThat(challenge.reason()).isEqualTo(AuthFailureReason.STALE);
        assertThat(challenge.stale()).isTrue();
        assertThat(nonces.check(challenge.challenge().nonce())).isEqualTo(NonceStatus.VALID);
    }

    @Test
    void staleNonceWithAWrongPasswordIsAPlainFailure() {
        String nonce = freshNonce();
        clock.advance(TTL);

        AuthResult.Challenge wrong = challenge(verifier.verify("REGISTER",
                new Uac("bob", "guess").answer("REGISTER", nonce, 1), REALM, lookup));
        AuthResult.Challenge unknown = challenge(verifier.verify("REGISTER",
                new Uac("mallory", "guess").answer("REGISTER", nonce, 1), REALM, lookup));

        assertThat(wrong.reason()).isEqualTo(AuthFailureReason.BAD_RESPONSE);
        assertThat(wrong.stale()).isFalse();
        assertThat(unknown.reason()).isEqualTo(AuthFailureReason.UNKNOWN_USER);
        assertThat(unknown.stale()).isFalse();
    }

    @Test
    void nonceNotIssuedByUsIsInvalidAndStaleOnlyWithTheRightPassword() {
        String foreign = NonceService.withRandomSecret(TTL, 10, clock).issue();

        AuthResult.Challenge right = challenge(verifier.verify("REGISTER",
                new Uac("bob", "zanzibar").answer("REGISTER", foreign, 1), REALM, lookup));
        AuthResult.Challenge wrong = challenge(verifier.verify("REGISTER",
                new Uac("bob", "guess").answer("REGISTER", foreign, 1), REALM, lookup));

        assertThat(right.reason()).isEqualTo(AuthFailureReason.INVALID_NONCE);
        assertThat(right.stale()).isTrue();
        assertThat(wrong.reason()).isEqualTo(AuthFailureReason.BAD_RESPONSE);
        assertThat(wrong.stale()).isFalse();
    }

    @Test
    void realmMismatchIsRejected() {
        String otherRealm = "atlanta.com";
        String authorization = new Uac("bob", "zanzibar").realm(otherRealm).answer("REGISTER", freshNonce(), 1);

        AuthResult.Challenge challenge = challenge(verifier.verify("REGISTER", authorization, REALM, lookup));

        assertThat(challenge.reason()).isEqualTo(AuthFailureReason.WRONG_REALM);
        assertThat(challenge.stale()).isFalse();
        assertThat(challenge.headerValues()).allSatisfy(value -> assertThat(value).contains("realm=\"biloxi.com\""));
    }

    @Test
    void realmComparisonIsExact() {
        String authorization = new Uac("bob", "zanzibar").realm("BILOXI.COM").answer("REGISTER", freshNonce(), 1);

        assertThat(challenge(verifier.verify("REGISTER", authorization, REALM, lookup)).reason())
                .isEqualTo(AuthFailureReason.WRONG_REALM);
    }

    @Test
    void responseForAnotherMethodIsABadResponse() {
        String authorization = new Uac("bob", "zanzibar").answer("INVITE", freshNonce(), 1);

        assertThat(challenge(verifier.verify("BYE", authorization, REALM, lookup)).reason())
                .isEqualTo(AuthFailureReason.BAD_RESPONSE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"MD5-sess", "SHA-256-sess", "SHA-512-256", "SHA-1", "NONSENSE"})
    void algorithmsWeDidNotOfferAreRejected(String token) {
        String authorization = "Digest username=\"bob\", realm=\"biloxi.com\", nonce=\"" + freshNonce()
                + "\", uri=\"sip:biloxi.com\", response=\"0123\", algorithm=" + token;

        assertThat(challenge(verifier.verify("REGISTER", authorization, REALM, lookup)).reason())
                .isEqualTo(AuthFailureReason.UNSUPPORTED_ALGORITHM);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "qop=auth-int, nc=00000001, cnonce=\"c\"",
        "qop=auth, cnonce=\"c\"",
        "qop=auth, nc=00000001",
        "qop=auth, nc=00000001, cnonce=\"\"",
        "qop=auth, nc=1, cnonce=\"c\"",
        "qop=auth, nc=000000001, cnonce=\"c\"",
        "qop=auth, nc=0000000g, cnonce=\"c\"",
        "qop=auth, nc=0000000\u0663, cnonce=\"c\"",
        "qop=\"auth,auth-int\", nc=00000001, cnonce=\"c\"",
    })
    void badQopNcOrCnonceIsMalformed(String qopParameters) {
        String authorization = "Digest username=\"bob\", realm=\"biloxi.com\", nonce=\"" + freshNonce()
                + "\", uri=\"sip:biloxi.com\", response=\"0123\", " + qopParameters;

        assertThat(challenge(verifier.verify("REGISTER", authorization, REALM, lookup)).reason())
                .isEqualTo(AuthFailureReason.MALFORMED);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "NoOneKnowsThisScheme opaque-data=here",
        "Basic Ym9iOnphbnppYmFy",
        "Digest username=\"bob\", realm=\"biloxi.com\", nonce=\"n\", response=\"0123\"",
        "Digest username=\"bob\", realm=\"biloxi.com\", nonce=\"n\", uri=\"sip:biloxi.com\"",
    })
    void otherSchemesAndIncompleteCredentialsAreMalformed(String authorization) {
        AuthResult.Challenge challenge = challenge(verifier.verify("REGISTER", authorization, REALM, lookup));

        assertThat(challenge.reason()).isEqualTo(AuthFailureReason.MALFORMED);
        assertThat(challenge.stale()).isFalse();
    }

    @Test
    void everyChallengeCarriesAFreshNonce() {
        String first = challenge(verifier.verify("REGISTER", null, REALM, lookup)).challenge().nonce();
        String second = challenge(verifier.verify("REGISTER", null, REALM, lookup)).challenge().nonce();

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void storeFailuresPropagate() {
        CredentialLookup broken = username -> {
            throw new IllegalStateException("database down");
        };
        String authorization = new Uac("bob", "zanzibar").answer("REGISTER", freshNonce(), 1);

        assertThatThrownBy(() -> verifier.verify("REGISTER", authorization, REALM, broken))
                .hasMessage("database down");
    }

    @Test
    void verifiesManyRegistrationsQuickly() {
        // Smoke check of the REGISTER hot path (target 20k/s on one core). The bound is loose so a
        // busy build machine does not fail it; the printed rate is the real measurement.
        int requests = 40_000;
        NonceService hotNonces = new NonceService(SECRET, TTL, NonceService.DEFAULT_MAX_TRACKED_NONCES, clock);
        DigestVerifier hotVerifier = new DigestVerifier(hotNonces);
        Uac bob = new Uac("bob", "zanzibar");
        String[] authorizations = new String[requests];
        for (int i = 0; i < requests; i++) {
            authorizations[i] = bob.answer("REGISTER", hotNonces.issue(), 1);
        }
        for (int i = 0; i < requests / 2; i++) {
            hotVerifier.verify("REGISTER", authorizations[i], REALM, lookup);
        }

        long start = System.nanoTime();
        int authenticated = 0;
        for (int i = requests / 2; i < requests; i++) {
            if (hotVerifier.verify("REGISTER", authorizations[i], REALM, lookup) instanceof AuthResult.Authenticated) {
                authenticated++;
            }
        }
        long elapsedNanos = System.nanoTime() - start;

        System.out.printf("DigestVerifier: %d verifications in %d ms = %.0f/s on one thread%n",
                requests / 2, elapsedNanos / 1_000_000, (requests / 2) * 1e9 / elapsedNanos);
        assertThat(authenticated).isEqualTo(requests / 2);
        assertThat(Duration.ofNanos(elapsedNanos)).isLessThan(Duration.ofSeconds(5));
    }

    private String freshNonce() {
        return challenge(verifier.verify("REGISTER", null, REALM, lookup)).challenge().nonce();
    }

    private static AuthResult.Challenge challenge(AuthResult result) {
        assertThat(result).isInstanceOf(AuthResult.Challenge.class);
        return (AuthResult.Challenge) result;
    }

    private static List<String> withoutNonce(AuthResult.Challenge challenge) {
        String nonce = challenge.challenge().nonce();
        return challenge.headerValues().stream().map(value -> value.replace(nonce, "NONCE")).toList();
    }

    /** Builds Authorization values the way a SIP user agent does. */
    private static final class Uac {
        private final String username;
        private final String password;
        private final String cnonce = "0a4f113b";
        private String realm = REALM;
        private DigestAlgorithm algorithm = DigestAlgorithm.SHA_256;
        private boolean sendAlgorithm = true;
        private boolean useQop = true;

        Uac(String username, String password) {
            this.username = username;
            this.password = password;
        }

        Uac algorithm(DigestAlgorithm value) {
            algorithm = value;
            return this;
        }

        Uac omitAlgorithm() {
            algorithm = DigestAlgorithm.MD5;
            sendAlgorithm = false;
            return this;
        }

        Uac withoutQop() {
            useQop = false;
            return this;
        }

        Uac realm(String value) {
            realm = value;
            return this;
        }

        String response(String method, String nonce, String nc, String qop) {
            String ha1 = DigestHashes.ha1(algorithm, username, realm, password);
            String ha2 = DigestHashes.ha2(algorithm, method, URI);
            return qop == null
                    ? DigestHashes.responseWithoutQop(algorithm, ha1, nonce, ha2)
                    : DigestHashes.response(algorithm, ha1, nonce, nc, cnonce, qop, ha2);
        }

        String answer(String method, String nonce, long nonceCount) {
            String nc = String.format("%08x", nonceCount);
            StringBuilder value = new StringBuilder("Digest username=\"").append(username)
                    .append("\", realm=\"").append(realm)
                    .append("\", nonce=\"").append(nonce)
                    .append("\", uri=\"").append(URI)
                    .append("\", response=\"").append(response(method, nonce, nc, useQop ? "auth" : null)).append('"');
            if (sendAlgorithm) {
                value.append(", algorithm=").append(algorithm.token());
            }
            if (useQop) {
                value.append(", qop=auth, nc=").append(nc).append(", cnonce=\"").append(cnonce).append('"');
            }
            return value.toString();
        }
    }
}
