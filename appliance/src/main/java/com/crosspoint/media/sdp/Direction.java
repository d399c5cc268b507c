package com.crosspoint.media.sdp;

import java.util.Locale;
import java.util.Optional;

/** RFC 4566 §6 / RFC 3264 §5.1 stream direction, always from the point of view of the side that wrote it. */
public enum Direction {
    SENDRECV(true, true),
    SENDONLY(true, false),
    RECVONLY(false, true),
    INACTIVE(false, false);

    private final boolean sends;
    private final boolean receives;

    Direction(boolean sends, boolean receives) {
        this.sends = sends;
        this.receives = receives;
    }

    public boolean sends() {
        return sends;
    }

    public boolean receives() {
        return receives;
    }

    /** The attribute name, e.g. {@code sendonly}. */
    public String attribute() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** RFC 3264 §6.1: the answer to a stream offered with this direction (sendonly→recvonly, ...). */
    public Direction answer() {
        return of(receives, sends);
    }

    /** Both sides' wishes at once: sends only if both allow sending, receives only if both allow receiving. */
    public Direction and(Direction other) {
        return of(sends && other.sends, receives && other.receives);
    }

    public static Direction of(boolean sends, boolean receives) {
        if (sends) {
            return receives ? SENDRECV : SENDONLY;
        }
        return receives ? RECVONLY : INACTIVE;
    }

    /** The direction named by an attribute, if the attribute is one. */
    public static Optional<Direction> fromAttribute(String name) {
        for (Direction d : values()) {
            if (d.attribute().equals(name)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
