package com.crosspoint.relay.stun;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The password algorithms of RFC 8489 s18.5 and the long-term key each gives, s9.2.2:
 * key = H(username ":" OpaqueString(realm) ":" OpaqueString(password)), MD5 (16 bytes) or SHA-256 (32 bytes). That
 * is exactly the digest HA1 of RFC 7616 for the same user, realm and password, so a store of HA1s is a store of TURN
 * keys.
 */
public enum PasswordAlgorithm {
    MD5(0x0001, "MD5"), SHA_256(0x0002, "SHA-256");

    private final int number;
    private final String digest;

    PasswordAlgorithm(int number, String digest) {
        this.number = number;
        this.digest = digest;
    }

    public int number() {
        return number;
    }

    public static Optional<PasswordAlgorithm> ofNumber(int number) {
        for (PasswordAlgorithm a : values()) {
            if (a.number == number) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** The long-term key from a password (for ephemeral credentials and tests; stored users have HA1s). */
    public byte[] key(String username, String realm, String password) {
        return hash((username + ":" + realm + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public byte[] hash(byte[] input) {
        try {
            return MessageDigest.getInstance(digest).digest(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(digest + " missing from this runtime", e);
        }
    }

    /** USERHASH, RFC 8489 s14.4: SHA-256(OpaqueString(username) ":" OpaqueString(realm)). */
    public static byte[] userHash(String username, String realm) {
        return SHA_256.hash((username + ":" + realm).getBytes(StandardCharsets.UTF_8));
    }

    /** The PASSWORD-ALGORITHM(S) entry: algorithm number and an empty parameter list. */
    public byte[] entry() {
        return new byte[] {(byte) (number >> 8), (byte) number, 0, 0};
    }
}
