package com.crosspoint.backup;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A running SHA-256 and byte count of what passes through a copy. */
final class Sha256 {
    private final MessageDigest digest;
    private long size;

    Sha256() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    void update(byte[] buffer, int length) {
        digest.update(buffer, 0, length);
        size += length;
    }

    long size() {
        return size;
    }

    String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
