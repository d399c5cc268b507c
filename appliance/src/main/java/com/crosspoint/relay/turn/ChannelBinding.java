package com.crosspoint.relay.turn;

import java.net.InetSocketAddress;

/** A channel number bound to a peer transport address until {@code expiresAt} (epoch millis), RFC 8656 s12. */
public record ChannelBinding(int channel, InetSocketAddress peer, long expiresAt) {
}
