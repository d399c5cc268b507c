package com.crosspoint.media.rtcp;

/** Range checks for the unsigned wire fields the records hold in wider Java types. */
final class Unsigned {
    private Unsigned() {
    }

    static long require32(long value, String name) {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(name + " must be 32 bits unsigned: " + value);
        }
        return value;
    }
}
