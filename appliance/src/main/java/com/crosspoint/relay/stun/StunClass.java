package com.crosspoint.relay.stun;

/**
 * The class of a STUN message, RFC 8489 s5: two bits (C1, C0) spread into the message type at 0x0100 and 0x0010.
 */
public enum StunClass {
    REQUEST(0b00), INDICATION(0b01), SUCCESS(0b10), ERROR(0b11);

    private final int bits;

    StunClass(int bits) {
        this.bits = bits;
    }

    /** The message type field for {@code method} in this class (the method bits interleaved around C0 and C1). */
    public int messageType(int method) {
        int m = method & 0x0FFF;
        return (m & 0x000F) | ((m & 0x0070) << 1) | ((m & 0x0F80) << 2)
                | ((bits & 0b01) << 4) | ((bits & 0b10) << 7);
    }

    public static StunClass ofType(int messageType) {
        int bits = ((messageType >> 7) & 0b10) | ((messageType >> 4) & 0b01);
        return values()[bits];
    }

    public static int methodOfType(int messageType) {
        return (messageType & 0x000F) | ((messageType & 0x00E0) >> 1) | ((messageType & 0x3E00) >> 2);
    }
}
