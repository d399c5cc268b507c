package com.crosspoint.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks the Digest credentials of a SIP request and decides between "authenticated" and "send
 * this challenge". Thread-safe; holds no per-request state.
 *
 * <p>Typical use by the SIP layer, with {@link AuthFailureThrottle} keyed by source address:
 * <pre>{@code
 * if (throttle.isBlocked(ip)) -> reject without verifying
 * AuthResult result = verifier.verify(method, authorizationValue, realm, devices::credentialOf);
 * if (result instanceof AuthResult.Challenge c) { throttle.recordFailure(ip, c.reason()); send 401 with c.headerValues(); }
 * }</pre>
 */
public final class DigestVerifier {

    private static final String QOP_AUTH = "auth";
    private static final int NONCE_COUNT_DIGITS = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final NonceService nonces;
    /** HA1 used for unknown usernames so they cost the same hashing as known ones. */
    private final Map<DigestAlgorithm, String> decoyHa1 = new EnumMap<>(DigestAlgorithm.class);

    public DigestVerifier(NonceService nonces) {
        this.nonces = Objects.requireNonNull(nonces, "nonces");
        for (DigestAlgorithm algorithm : DigestChallenge.OFFERED_ALGORITHMS) {
            byte[] random = new byte[algorithm.hexLength() / 2];
            RANDOM.nextBytes(random);
            decoyHa1.put(algorithm, HexFormat.of().formatHex(random));
        }
    }

    /**
     * Verifies one request.
     *
     * @param method             the request method, e.g. {@code REGISTER}, as in the request line
     * @param authorizationValue the Authorization (or Proxy-Authorization) header value, or null
     * @param expectedRealm      the realm this server challenges with for the request's domain
     * @param lookup             finds the stored HA1 hashes of a username within {@code expectedRealm}
     * @return {@link AuthResult.Authenticated}, or a {@link AuthResult.Challenge} with a fresh nonce.
     *         Wrong password and unknown user give the same challenge, after the same amount of hashing.
     */
    public AuthResult verify(String method, String authorizationValue, String expectedRealm, CredentialLookup lookup) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(expectedRealm, "expectedRealm");
        Objects.requireNonNull(lookup, "lookup");
        if (authorizationValue == null || authorizationValue.isBlank()) {
            return challenge(expectedRealm, AuthFailureReason.MISSING, false);
        }
        Optional<DigestCredentials> parsed = DigestCredentials.parse(authorizationValue);
        if (parsed.isEmpty()) {
            return challenge(expectedRealm, AuthFailureReason.MALFORMED, false);
        }
        DigestCredentials credentials = parsed.get();
        if (!credentials.realm().equals(expectedRealm)) {
            return challenge(expectedRealm, AuthFailureReason.WRONG_REALM, false);
        }
        // RFC 7616 s3.3: algorithm "If this is not present, it is assumed to be "MD5"."
        Optional<DigestAlgorithm> algorithm = credentials.algorithm() == null
                ? Optional.of(DigestAlgorithm.MD5)
                : DigestAlgorithm.fromToken(credentials.algorithm());
        if (algorithm.isEmpty() || !DigestChallenge.OFFERED_ALGORITHMS.contains(algorithm.get())) {
            return challenge(expectedRealm, AuthFailureReason.UNSUPPORTED_ALGORITHM, false);
        }
        long nonceCount;
        if (credentials.qop() == null) {
            // RFC 2069 style: without a count a nonce can only be trusted for one request.
            nonceCount = 1;
        } else {
            // We offer only qop="auth". RFC 2617 s3.2.2: cnonce "MUST be specified if a qop directive
            // is sent" and nc "MUST be specified if a qop directive is sent".
            if (!QOP_AUTH.equalsIgnoreCase(credentials.qop()) || credentials.cnonce() == null
                    || credentials.cnonce().isEmpty() || !isNonceCount(credentials.nc())) {
                return challenge(expectedRealm, AuthFailureReason.MALFORMED, false);
            }
            nonceCount = Long.parseLong(credentials.nc(), 16);
        }
        return verifyDigest(method, credentials, algorithm.get(), nonceCount, expectedRealm, lookup);
    }

    private AuthResult verifyDigest(String method, DigestCredentials credentials, DigestAlgorithm algorithm,
                                    long nonceCount, String realm, CredentialLookup lookup) {
        Optional<StoredCredential> stored = lookup.find(credentials.username());
        String ha1 = stored.map(credential -> credential.ha1For(algorithm)).orElse(decoyHa1.get(algorithm));
        String ha2 = DigestHashes.ha2(algorithm, method, credentials.uri());
        String expected = credentials.qop() == null
                ? DigestHashes.responseWithoutQop(algorithm, ha1, credentials.nonce(), ha2)
                : DigestHashes.response(algorithm, ha1, credentials.nonce(), credentials.nc(),
                        credentials.cnonce(), credentials.qop(), ha2);
        // Constant-time so response timing does not reveal how many leading characters were right.
        boolean digestMatches = MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII),
                credentials.response().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
        if (stored.isEmpty()) {
            return challenge(realm, AuthFailureReason.UNKNOWN_USER, false);
        }
        if (!digestMatches) {
            return challenge(realm, AuthFailureReason.BAD_RESPONSE, false);
        }
        // From here on the client has proven it knows the password, so a nonce problem earns
        // stale=true. RFC 2617 s3.2.1: "The server should only set stale to TRUE if it receives a
        // request for which the nonce is invalid but with a valid digest for that nonce".
        NonceStatus nonceStatus = nonces.check(credentials.nonce());
        if (nonceStatus == NonceStatus.INVALID) {
            return challenge(realm, AuthFailureReason.INVALID_NONCE, true);
        }
        if (nonceStatus == NonceStatus.STALE) {
            return challenge(realm, AuthFailureReason.STALE, true);
        }
        if (!nonces.acceptNonceCount(credentials.nonce(), nonceCount)) {
            return challenge(realm, AuthFailureReason.REPLAY, true);
        }
        return new AuthResult.Authenticated(credentials.username(), algorithm);
    }

    private AuthResult.Challenge challenge(String realm, AuthFailureReason reason, boolean stale) {
        return new AuthResult.Challenge(reason, new DigestChallenge(realm, nonces.issue(), stale, null));
    }

    /** RFC 2617 s3.2.2: nc-value = 8LHEX; upper case is tolerated. ASCII only, unlike Character.digit. */
    private static boolean isNonceCount(String nc) {
        if (nc == null || nc.length() != NONCE_COUNT_DIGITS) {
            return false;
        }
        for (int i = 0; i < nc.length(); i++) {
            char c = nc.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                return false;
            }
        }
        return true;
    }
}
