package com.crosspoint.relay.stun;

/** What {@link StunDecoder} made of some bytes: a message, or why they are not one. Never an exception. */
public sealed interface DecodeResult {

    record Decoded(StunMessage message) implements DecodeResult {
    }

    record Malformed(String reason) implements DecodeResult {
    }
}
