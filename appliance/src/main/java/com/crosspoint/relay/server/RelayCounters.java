package com.crosspoint.relay.server;

import java.util.concurrent.atomic.LongAdder;

/** What the STUN/TURN transport dropped, by reason (docs/security.md, "STUN and TURN"). */
public final class RelayCounters {
    final LongAdder malformed = new LongAdder();
    final LongAdder notStun = new LongAdder();
    final LongAdder badFingerprint = new LongAdder();
    final LongAdder bindings = new LongAdder();
    final LongAdder connectionsRefused = new LongAdder();
    final LongAdder outputDropped = new LongAdder();

    /** Datagrams and frames that did not decode as STUN although they started like it. */
    public long malformed() {
        return malformed.sum();
    }

    /** Datagrams that were neither STUN nor ChannelData (RFC 7983 first byte). */
    public long notStun() {
        return notStun.sum();
    }

    public long badFingerprint() {
        return badFingerprint.sum();
    }

    /** Binding requests answered. */
    public long bindings() {
        return bindings.sum();
    }

    /** TCP connections closed at once: over the per-source or total cap. */
    public long connectionsRefused() {
        return connectionsRefused.sum();
    }

    /** Messages to TCP clients dropped because their connection's output queue was full. */
    public long outputDropped() {
        return outputDropped.sum();
    }
}
