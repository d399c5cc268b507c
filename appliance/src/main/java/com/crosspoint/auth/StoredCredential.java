package com.crosspoint.auth;

import java.util.Locale;
import java.util.Objects;

/**
 * The HA1 hashes stored for one digest username in one realm (see
 * {@link DigestHashes#ha1(DigestAlgorithm, String, String, String)}); passwords are never stored.
 * HA1 is password-equivalent for its realm, so {@link #toString()} does not show it.
 *
 * @param ha1Md5    H(username:realm:password) with MD5, 32 hex characters
 * @param ha1Sha256 the same with SHA-256, 64 hex characters
 */
public record StoredCredential(String ha1Md5, String ha1Sha256) {

    public StoredCredential {
        ha1Md5 = normalisedHex(ha1Md5, DigestAlgorithm.MD5, "ha1Md5");
        ha1Sha256 = normalisedHex(ha1Sha256, DigestAlgorithm.SHA_256, "ha1Sha256");
    }

    /** Builds both hashes from a password, e.g. when a device is provisioned. */
    public static StoredCredential fromPassword(String username, String realm, String password) {
        return new StoredCredential(
                DigestHashes.ha1(DigestAlgorithm.MD5, username, realm, password),
                DigestHashes.ha1(DigestAlgorithm.SHA_256, username, realm, password));
    }

    /**
     * The stored HA1 for {@code algorithm}; a {@code -sess} variant uses the HA1 of its base hash.
     *
     * @throws IllegalArgumentException for an algorithm whose HA1 is not stored (SHA-512-256)
     */
    public String ha1For(DigestAlgorithm algorithm) {
        return switch (algorithm) {
            case MD5, MD5_SESS -> ha1Md5;
            case SHA_256, SHA_256_SESS -> ha1Sha256;
            case SHA_512_256, SHA_512_256_SESS ->
                    throw new IllegalArgumentException("no HA1 stored for " + algorithm);
        };
    }

    @Override
    public String toString() {
        return "StoredCredential[HA1 hidden]";
    }

    private static String normalisedHex(String hex, DigestAlgorithm algorithm, String name) {
        Objects.requireNonNull(hex, name);
        String lower = hex.toLowerCase(Locale.ROOT);
        if (lower.length() != algorithm.hexLength() || !lower.chars().allMatch(StoredCredential::isLowerHex)) {
            throw new IllegalArgumentException(name + " must be " + algorithm.hexLength() + " hex characters");
        }
        return lower;
    }

    private static boolean isLowerHex(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }
}
