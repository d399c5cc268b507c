package com.crosspoint.relay.stun;

/** RFC 8489 s7.3.1: the comprehension-required attributes of a message this server does not understand. */
public final class UnknownAttributes {
    private UnknownAttributes() {
    }

    public static int[] of(StunMessage message) {
        return message.attributes().stream().mapToInt(StunAttribute::type)
                .filter(t -> !AttributeType.understood(t)).distinct().toArray();
    }
}
