package com.crosspoint.relay.stun;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * MESSAGE-INTEGRITY (HMAC-SHA1, RFC 8489 s14.5), MESSAGE-INTEGRITY-SHA256 (s14.6) and FINGERPRINT (s14.7).
 *
 * <p>s14.5: "The text used as input to HMAC is the STUN message, up to and including the attribute preceding the
 * MESSAGE-INTEGRITY attribute. The Length field of the STUN message header is adjusted to point to the end of the
 * MESSAGE-INTEGRITY attribute." The same holds for MESSAGE-INTEGRITY-SHA256 and, for FINGERPRINT, the CRC-32 of the
 * message up to the attribute, XORed with 0x5354554e.
 */
public final class Integrity {
    public static final int SHA1_BYTES = 20;
    public static final int SHA256_BYTES = 32;
    private static final int FINGERPRINT_XOR = 0x5354554E;
    private static final ThreadLocal<Mac> SHA1 = ThreadLocal.withInitial(() -> mac("HmacSHA1"));
    private static final ThreadLocal<Mac> SHA256 = ThreadLocal.withInitial(() -> mac("HmacSHA256"));

    private Integrity() {
    }

    /** HMAC-SHA1 of {@code message[0, attributeOffset)} with the length field pointing past a 20-byte value. */
    public static byte[] hmacSha1(byte[] key, byte[] message, int attributeOffset) {
        return hmac(SHA1.get(), key, message, attributeOffset, SHA1_BYTES);
    }

    public static byte[] hmacSha256(byte[] key, byte[] message, int attributeOffset) {
        return hmac(SHA256.get(), key, message, attributeOffset, SHA256_BYTES);
    }

    /**
     * Whether the message's MESSAGE-INTEGRITY-SHA256, else its MESSAGE-INTEGRITY, is right for {@code key}. RFC 8489
     * s9.2.4: a message with both is checked on the SHA-256 one. False when it has neither.
     */
    public static boolean verify(StunMessage message, byte[] key) {
        var sha256 = message.attribute(AttributeType.MESSAGE_INTEGRITY_SHA256);
        if (sha256.isPresent()) {
            StunAttribute a = sha256.get();
            // s14.6: the value may be truncated to 16..32 bytes in steps of 4; compare what was sent.
            if (a.length() < 16 || a.length() > SHA256_BYTES || (a.length() & 3) != 0) {
                return false;
            }
            byte[] expected = hmacSha256(key, message.raw(), a.offset());
            return constantTimeEquals(expected, a.length(), message.raw(), a.valueOffset());
        }
        var sha1 = message.attribute(AttributeType.MESSAGE_INTEGRITY);
        if (sha1.isEmpty() || sha1.get().length() != SHA1_BYTES) {
            return false;
        }
        byte[] expected = hmacSha1(key, message.raw(), sha1.get().offset());
        return constantTimeEquals(expected, SHA1_BYTES, message.raw(), sha1.get().valueOffset());
    }

    /** Which integrity attribute a message carries (the SHA-256 one wins), or 0 for none. */
    public static int integrityType(StunMessage message) {
        if (message.has(AttributeType.MESSAGE_INTEGRITY_SHA256)) {
            return AttributeType.MESSAGE_INTEGRITY_SHA256;
        }
        return message.has(AttributeType.MESSAGE_INTEGRITY) ? AttributeType.MESSAGE_INTEGRITY : 0;
    }

    /** The FINGERPRINT value for a message whose FINGERPRINT attribute starts at {@code attributeOffset}. */
    public static int fingerprint(byte[] message, int attributeOffset) {
        byte[] copy = withLength(message, attributeOffset, 4);
        CRC32 crc = new CRC32();
        crc.update(copy, 0, attributeOffset);
        return (int) crc.getValue() ^ FINGERPRINT_XOR;
    }

    /** True when the message has no FINGERPRINT, or a right one (s7.3: a wrong one means "not STUN": discard). */
    public static boolean fingerprintValid(StunMessage message) {
        var a = message.attribute(AttributeType.FINGERPRINT);
        if (a.isEmpty()) {
            return true;
        }
        if (a.get().length() != 4) {
            return false;
        }
        return fingerprint(message.raw(), a.get().offset()) == message.readInt(a.get().valueOffset());
    }

    private static byte[] hmac(Mac mac, byte[] key, byte[] message, int attributeOffset, int valueLength) {
        byte[] adjusted = withLength(message, attributeOffset, valueLength);
        try {
            // An empty key is legal for HMAC but not for SecretKeySpec; HMAC pads keys with zeros, so one zero byte
            // gives the same result.
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, mac.getAlgorithm()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC key refused", e);
        }
        mac.update(adjusted, 0, attributeOffset);
        return mac.doFinal();
    }

    /** The message's first {@code attributeOffset} bytes with a length field ending after the attribute. */
    private static byte[] withLength(byte[] message, int attributeOffset, int valueLength) {
        byte[] copy = new byte[attributeOffset];
        System.arraycopy(message, 0, copy, 0, attributeOffset);
        int length = attributeOffset + 4 + valueLength - StunDecoder.HEADER_BYTES;
        copy[2] = (byte) (length >> 8);
        copy[3] = (byte) length;
        return copy;
    }

    private static boolean constantTimeEquals(byte[] expected, int length, byte[] actual, int offset) {
        byte[] slice = new byte[length];
        System.arraycopy(actual, offset, slice, 0, length);
        byte[] head = new byte[length];
        System.arraycopy(expected, 0, head, 0, length);
        return MessageDigest.isEqual(head, slice);
    }

    private static Mac mac(String algorithm) {
        try {
            return Mac.getInstance(algorithm);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " missing from this runtime", e);
        }
    }
}
