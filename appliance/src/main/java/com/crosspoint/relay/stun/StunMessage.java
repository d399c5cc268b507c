package com.crosspoint.relay.stun;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A decoded STUN message: its own copy of the bytes, the header fields and where each attribute is. Built only by
 * {@link StunDecoder}, so every offset in it is within bounds.
 *
 * <p>A message without the magic cookie is an RFC 3489 ("classic STUN") one: its transaction ID is 16 bytes, the
 * cookie field included, and it is answered with MAPPED-ADDRESS instead of XOR-MAPPED-ADDRESS.
 */
public final class StunMessage {
    private final byte[] bytes;
    private final int messageType;
    private final boolean classic;
    private final List<StunAttribute> attributes;

    StunMessage(byte[] bytes, int messageType, boolean classic, List<StunAttribute> attributes) {
        this.bytes = bytes;
        this.messageType = messageType;
        this.classic = classic;
        this.attributes = List.copyOf(attributes);
    }

    public int method() {
        return StunClass.methodOfType(messageType);
    }

    public StunClass stunClass() {
        return StunClass.ofType(messageType);
    }

    public int messageType() {
        return messageType;
    }

    /** True for an RFC 3489 message (no magic cookie). */
    public boolean classic() {
        return classic;
    }

    /** The 12-byte transaction ID, or 16 bytes (cookie field included) for a classic message. */
    public byte[] transactionId() {
        return classic ? Arrays.copyOfRange(bytes, 4, 20) : Arrays.copyOfRange(bytes, 8, 20);
    }

    /** The whole message as received (a copy). */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The message's bytes without copying; read-only by contract (integrity checks). */
    byte[] raw() {
        return bytes;
    }

    public int length() {
        return bytes.length;
    }

    public List<StunAttribute> attributes() {
        return attributes;
    }

    /** The first attribute of {@code type}: RFC 8489 s14 says later duplicates are ignored. */
    public Optional<StunAttribute> attribute(int type) {
        for (StunAttribute a : attributes) {
            if (a.type() == type) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    public boolean has(int type) {
        return attribute(type).isPresent();
    }

    public byte[] value(StunAttribute a) {
        return Arrays.copyOfRange(bytes, a.valueOffset(), a.valueOffset() + a.length());
    }

    public Optional<byte[]> value(int type) {
        return attribute(type).map(this::value);
    }

    /** A UTF-8 text attribute (USERNAME, REALM, NONCE, SOFTWARE). */
    public Optional<String> text(int type) {
        return attribute(type).map(a -> new String(bytes, a.valueOffset(), a.length(), StandardCharsets.UTF_8));
    }

    /** A 32-bit attribute (LIFETIME, REQUESTED-TRANSPORT, CHANGE-REQUEST ...) as an unsigned value. */
    public Optional<Long> uint32(int type) {
        return attribute(type).filter(a -> a.length() == 4).map(a -> readInt(a.valueOffset()) & 0xFFFFFFFFL);
    }

    /** The first byte of an attribute's value (REQUESTED-TRANSPORT's protocol, EVEN-PORT's flag ...). */
    public Optional<Integer> firstByte(int type) {
        return attribute(type).filter(a -> a.length() >= 1).map(a -> bytes[a.valueOffset()] & 0xFF);
    }

    int readInt(int offset) {
        return ((bytes[offset] & 0xFF) << 24) | ((bytes[offset + 1] & 0xFF) << 16)
                | ((bytes[offset + 2] & 0xFF) << 8) | (bytes[offset + 3] & 0xFF);
    }

    @Override
    public String toString() {
        return "StunMessage[" + StunMethod.name(method()) + " " + stunClass() + ", " + bytes.length + " bytes, "
                + attributes.size() + " attributes" + (classic ? ", classic" : "") + "]";
    }
}
