package com.crosspoint.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Digest algorithms of the HTTP Digest Algorithm Values registry that RFC 8760 allows for SIP.
 * Only {@link #MD5} and {@link #SHA_256} are offered to devices (see {@link DigestChallenge}); the
 * others exist so hashes can be computed and recognised, e.g. for test vectors.
 */
public enum DigestAlgorithm {
    MD5("MD5", "MD5", false),
    MD5_SESS("MD5-sess", "MD5", true),
    SHA_256("SHA-256", "SHA-256", false),
    SHA_256_SESS("SHA-256-sess", "SHA-256", true),
    /** FIPS 180-4 SHA-512/256, not SHA-512 truncated (see RFC 7616 erratum 4897). */
    SHA_512_256("SHA-512-256", "SHA-512/256", false),
    SHA_512_256_SESS("SHA-512-256-sess", "SHA-512/256", true);

    private static final HexFormat HEX = HexFormat.of();

    private final String token;
    private final String jcaName;
    private final boolean session;
    private final int hexLength;
    // MessageDigest is not thread-safe and getInstance() does a provider lookup; one per thread is cheapest.
    private final ThreadLocal<MessageDigest> digests;

    DigestAlgorithm(String token, String jcaName, boolean session) {
        this.token = token;
        this.jcaName = jcaName;
        this.session = session;
        this.digests = ThreadLocal.withInitial(() -> newDigest(jcaName));
        this.hexLength = newDigest(jcaName).getDigestLength() * 2;
    }

    /** The value of the {@code algorithm} parameter, e.g. {@code SHA-256}. */
    public String token() {
        return token;
    }

    /** True for the {@code -sess} variants, whose HA1 also covers nonce and cnonce. */
    public boolean isSession() {
        return session;
    }

    /** Length of a hash of this algorithm in lower-case hex characters. */
    public int hexLength() {
        return hexLength;
    }

    /**
     * Parses an {@code algorithm} parameter value, ignoring case: the grammar spells the values as
     * ABNF literals (RFC 3261 s25.1 {@code "MD5" / "MD5-sess" / token}), which are case-insensitive.
     */
    public static Optional<DigestAlgorithm> fromToken(String token) {
        if (token == null) {
            return Optional.empty();
        }
        for (DigestAlgorithm algorithm : values()) {
            if (algorithm.token.equalsIgnoreCase(token)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    /** H(data) as raw bytes. */
    public byte[] hash(byte[] data) {
        MessageDigest digest = digests.get();
        digest.reset();
        return digest.digest(data);
    }

    /** H(text) of the UTF-8 encoding of {@code text} (SIP is UTF-8; RFC 7616 allows no other charset), as lower-case hex. */
    public String hashHex(String text) {
        return HEX.formatHex(hash(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** H(data) as lower-case hex. */
    public String hashHex(byte[] data) {
        return HEX.formatHex(hash(data));
    }

    @Override
    public String toString() {
        return token;
    }

    private static MessageDigest newDigest(String jcaName) {
        try {
            return MessageDigest.getInstance(jcaName);
        } catch (NoSuchAlgorithmException e) {
            // Java SE requires MD5 and SHA-256 and the JDK's SUN provider adds SHA-512/256; a runtime
            // without them is broken, not a condition to recover from.
            throw new IllegalStateException("JRE lacks message digest " + jcaName, e);
        }
    }
}
