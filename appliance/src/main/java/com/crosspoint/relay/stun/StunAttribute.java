package com.crosspoint.relay.stun;

/**
 * One attribute as found in a decoded message: its type and where its value sits in the message's bytes.
 *
 * @param offset offset of the attribute's header (type, length) from the start of the message
 * @param length length of the value, padding excluded
 */
public record StunAttribute(int type, int offset, int length) {

    /** Offset of the value from the start of the message. */
    public int valueOffset() {
        return offset + 4;
    }
}
