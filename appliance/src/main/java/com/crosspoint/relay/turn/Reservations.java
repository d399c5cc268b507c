package com.crosspoint.relay.turn;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Relay ports held for a later Allocate, RFC 8656 s7.2: an Allocate with EVEN-PORT's R bit gets an even port and
 * the odd one above it kept for {@value #HOLD_SECONDS} s under a random RESERVATION-TOKEN; an Allocate bringing the
 * token gets that port (RTP on the even port, RTCP on the odd one). A token is good once.
 */
final class Reservations {
    static final int HOLD_SECONDS = 30;
    static final int TOKEN_BYTES = 8;
    private static final HexFormat HEX = HexFormat.of();

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Held> held = new ConcurrentHashMap<>();

    private record Held(int port, long until) {
    }

    /** Holds {@code port} until {@code now} + 30 s; returns the token naming it. */
    byte[] hold(int port, long now) {
        byte[] token = new byte[TOKEN_BYTES];
        random.nextBytes(token);
        held.put(HEX.formatHex(token), new Held(port, now + HOLD_SECONDS * 1000L));
        return token;
    }

    /**
     * The port a token holds, taken out of the reservations; empty for an unknown or expired token (an expired one's
     * port goes to {@code expired}, for the range to take back).
     */
    OptionalInt take(byte[] token, long now, java.util.function.IntConsumer expired) {
        Held h = held.remove(HEX.formatHex(token));
        if (h == null) {
            return OptionalInt.empty();
        }
        if (h.until() <= now) {
            expired.accept(h.port());
            return OptionalInt.empty();
        }
        return OptionalInt.of(h.port());
    }

    /** Drops expired reservations and returns their ports, for the range to take back. */
    List<Integer> expire(long now) {
        List<Integer> ports = new ArrayList<>();
        held.entrySet().removeIf(e -> {
            boolean expired = e.getValue().until() <= now;
            if (expired) {
                ports.add(e.getValue().port());
            }
            return expired;
        });
        return ports;
    }
}
