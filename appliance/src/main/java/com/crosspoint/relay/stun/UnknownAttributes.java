package com.crosspoint.relay.stun;

import java.util.Arrays;

/** RFC 8489 s7.3.1: the comprehension-required attributes of a message this server does not understand. */
public final class UnknownAttributes {
    private static final int[] NONE = new int[0];

    private UnknownAttributes() {
    }

    /** Each unknown type once, in order of appearance; an empty array (shared) for a message with none. */
    public static int[] of(StunMessage message) {
        int[] unknown = NONE;
        for (StunAttribute a : message.attributes()) { // a loop, not a stream: every Send indication asks
            int type = a.type();
            if (!AttributeType.understood(type) && Arrays.stream(unknown).noneMatch(t -> t == type)) {
                unknown = Arrays.copyOf(unknown, unknown.length + 1);
                unknown[unknown.length - 1] = type;
            }
        }
        return unknown;
    }
}
