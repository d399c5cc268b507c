package com.crosspoint.trunk;

import java.util.OptionalLong;

/**
 * How a call router tells the PBX which carrier answered an outside call: it adds this header, with the carrier's
 * id, to the 2xx it forwards to its customer. The PBX needs the carrier for the call's cost (billing's buy side)
 * and cannot know it otherwise: the router picks it, possibly on another node. A PBX trusts it only on the answer
 * to an INVITE it sent to one of its trunk servers; a value that is no carrier id is ignored.
 */
public final class AnsweringCarrier {
    /** The header's name (a private extension header: RFC 3261 §7.3, unknown headers are passed and ignored). */
    public static final String HEADER = "X-Crosspoint-Carrier";
    private static final int MAX_DIGITS = 18;

    private AnsweringCarrier() {
    }

    /** The header line to add for {@code carrierId}, CRLF included. */
    public static String line(long carrierId) {
        return HEADER + ": " + carrierId + "\r\n";
    }

    /** The carrier id in a header value; empty when there is none or it is not a positive number. */
    public static OptionalLong parse(String value) {
        if (value == null) {
            return OptionalLong.empty();
        }
        String v = value.trim();
        if (v.isEmpty() || v.length() > MAX_DIGITS || !v.chars().allMatch(Character::isDigit)) {
            return OptionalLong.empty();
        }
        long id = Long.parseLong(v);
        return id > 0 ? OptionalLong.of(id) : OptionalLong.empty();
    }
}
