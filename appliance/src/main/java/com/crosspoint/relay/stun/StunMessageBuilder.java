package com.crosspoint.relay.stun;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes a STUN message: header, attributes (each padded to 4 bytes with zeros), then optionally
 * MESSAGE-INTEGRITY or MESSAGE-INTEGRITY-SHA256 and FINGERPRINT, which must come last in that order (RFC 8489 s14.5
 * to s14.7). A classic (RFC 3489) transaction ID of 16 bytes replaces the cookie and the 12-byte ID.
 */
public final class StunMessageBuilder {
    private final byte[] transactionId;
    private byte[] buffer = new byte[128];
    private int length;

    public StunMessageBuilder(int method, StunClass stunClass, byte[] transactionId) {
        if (transactionId.length != 12 && transactionId.length != 16) {
            throw new IllegalArgumentException("transaction ID must be 12 (or 16 for RFC 3489) bytes");
        }
        this.transactionId = transactionId.clone();
        int type = stunClass.messageType(method);
        buffer[0] = (byte) (type >> 8);
        buffer[1] = (byte) type;
        if (transactionId.length == 12) {
            putInt(4, StunDecoder.MAGIC_COOKIE);
            System.arraycopy(transactionId, 0, buffer, 8, 12);
        } else {
            System.arraycopy(transactionId, 0, buffer, 4, 16);
        }
        length = StunDecoder.HEADER_BYTES;
    }

    /** A response of {@code stunClass} to {@code request}: same method and transaction ID. */
    public static StunMessageBuilder answering(StunMessage request, StunClass stunClass) {
        return new StunMessageBuilder(request.method(), stunClass, request.transactionId());
    }

    public boolean classic() {
        return transactionId.length == 16;
    }

    public StunMessageBuilder add(int type, byte[] value) {
        if (value.length > 0xFFFF) {
            throw new IllegalArgumentException("attribute value too long: " + value.length);
        }
        int padded = (value.length + 3) & ~3;
        ensure(4 + padded);
        buffer[length] = (byte) (type >> 8);
        buffer[length + 1] = (byte) type;
        buffer[length + 2] = (byte) (value.length >> 8);
        buffer[length + 3] = (byte) value.length;
        System.arraycopy(value, 0, buffer, length + 4, value.length);
        Arrays.fill(buffer, length + 4 + value.length, length + 4 + padded, (byte) 0);
        length += 4 + padded;
        return this;
    }

    public StunMessageBuilder addText(int type, String text) {
        return add(type, text.getBytes(StandardCharsets.UTF_8));
    }

    public StunMessageBuilder addUint32(int type, long value) {
        return add(type, new byte[] {(byte) (value >> 24), (byte) (value >> 16), (byte) (value >> 8), (byte) value});
    }

    /** An XOR- address attribute; for a classic message there is no cookie to XOR with, so it is written plain. */
    public StunMessageBuilder addXorAddress(int type, InetSocketAddress address) {
        return add(type, AddressCodec.encode(address, classic() ? null : AddressCodec.xorPad(transactionId)));
    }

    public StunMessageBuilder addAddress(int type, InetSocketAddress address) {
        return add(type, AddressCodec.encode(address, null));
    }

    public StunMessageBuilder addError(ErrorCode error) {
        return add(AttributeType.ERROR_CODE, error.encode());
    }

    public StunMessageBuilder addUnknownAttributes(int[] types) {
        byte[] value = new byte[types.length * 2];
        for (int i = 0; i < types.length; i++) {
            value[2 * i] = (byte) (types[i] >> 8);
            value[2 * i + 1] = (byte) types[i];
        }
        return add(AttributeType.UNKNOWN_ATTRIBUTES, value);
    }

    /** Without integrity; with FINGERPRINT when asked. */
    public byte[] build(boolean fingerprint) {
        return build(null, 0, fingerprint);
    }

    /**
     * @param key           the HMAC key, or null for no integrity
     * @param integrityType {@link AttributeType#MESSAGE_INTEGRITY} or {@link AttributeType#MESSAGE_INTEGRITY_SHA256}
     */
    public byte[] build(byte[] key, int integrityType, boolean fingerprint) {
        if (key != null) {
            boolean sha256 = integrityType == AttributeType.MESSAGE_INTEGRITY_SHA256;
            int size = sha256 ? Integrity.SHA256_BYTES : Integrity.SHA1_BYTES;
            int at = length;
            add(sha256 ? AttributeType.MESSAGE_INTEGRITY_SHA256 : AttributeType.MESSAGE_INTEGRITY, new byte[size]);
            byte[] mac = sha256 ? Integrity.hmacSha256(key, buffer, at) : Integrity.hmacSha1(key, buffer, at);
            System.arraycopy(mac, 0, buffer, at + 4, size);
        }
        if (fingerprint) {
            int at = length;
            add(AttributeType.FINGERPRINT, new byte[4]);
            putInt(at + 4, Integrity.fingerprint(buffer, at));
        }
        setLengthField();
        return Arrays.copyOf(buffer, length);
    }

    private void setLengthField() {
        int body = length - StunDecoder.HEADER_BYTES;
        buffer[2] = (byte) (body >> 8);
        buffer[3] = (byte) body;
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
        // Integrity is computed over the header too: keep the length field current.
        int body = length + more - StunDecoder.HEADER_BYTES;
        buffer[2] = (byte) (body >> 8);
        buffer[3] = (byte) body;
    }

    private void putInt(int offset, int value) {
        buffer[offset] = (byte) (value >> 24);
        buffer[offset + 1] = (byte) (value >> 16);
        buffer[offset + 2] = (byte) (value >> 8);
        buffer[offset + 3] = (byte) value;
    }
}
