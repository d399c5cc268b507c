package com.crosspoint.relay.stun;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes a STUN message (RFC 8489 s5, s14) with every length checked against the bytes there are.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |0 0|     STUN Message Type     |         Message Length        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         Magic Cookie                          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                     Transaction ID (96 bits)                  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * Pure: bytes in, a {@link DecodeResult} out; malformed input is a value, never an exception.
 */
public final class StunDecoder {
    public static final int HEADER_BYTES = 20;
    public static final int MAGIC_COOKIE = 0x2112A442;
    /** More attributes than any real message carries; bounds the work one datagram can cause. */
    public static final int MAX_ATTRIBUTES = 64;
    private static final int LENGTH_OFFSET = 2;
    private static final int COOKIE_OFFSET = 4;

    private StunDecoder() {
    }

    /** RFC 7983 s7: a first byte of 0 to 3 is STUN (the two top bits of a STUN message are zero). */
    public static boolean isStunFirstByte(int firstByte) {
        return (firstByte & 0xFF) <= 3;
    }

    /**
     * On a stream, the length of the STUN message that starts at {@code offset} (header included), or -1 when fewer
     * than the 4 bytes that tell it are there.
     */
    public static int frameLength(byte[] data, int offset, int available) {
        if (available < 4) {
            return -1;
        }
        return HEADER_BYTES + (((data[offset + 2] & 0xFF) << 8) | (data[offset + 3] & 0xFF));
    }

    public static DecodeResult decode(byte[] data) {
        return decode(data, 0, data.length);
    }

    public static DecodeResult decode(byte[] data, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > data.length) {
            return malformed("bad buffer bounds");
        }
        if (length < HEADER_BYTES) {
            return malformed("shorter than a STUN header (" + length + " bytes)");
        }
        if ((data[offset] & 0xC0) != 0) {
            return malformed("first two bits are not zero");
        }
        int declared = u16(data, offset + LENGTH_OFFSET);
        if ((declared & 3) != 0) {
            return malformed("message length " + declared + " is not a multiple of 4");
        }
        if (declared + HEADER_BYTES != length) {
            return malformed("message length " + declared + " does not match the " + (length - HEADER_BYTES)
                    + " bytes after the header");
        }
        byte[] bytes = new byte[length];
        System.arraycopy(data, offset, bytes, 0, length);
        boolean classic = readInt(bytes, COOKIE_OFFSET) != MAGIC_COOKIE;
        List<StunAttribute> attributes = new ArrayList<>();
        int at = HEADER_BYTES;
        boolean fingerprintSeen = false;
        while (at < length) {
            if (length - at < 4) {
                return malformed("truncated attribute header at " + at);
            }
            if (attributes.size() == MAX_ATTRIBUTES) {
                return malformed("more than " + MAX_ATTRIBUTES + " attributes");
            }
            if (fingerprintSeen) {
                return malformed("attribute after FINGERPRINT");
            }
            int type = u16(bytes, at);
            int valueLength = u16(bytes, at + 2);
            int padded = (valueLength + 3) & ~3;
            if (padded > length - at - 4) {
                return malformed("attribute 0x" + Integer.toHexString(type) + " at " + at + " claims " + valueLength
                        + " bytes, " + (length - at - 4) + " left");
            }
            attributes.add(new StunAttribute(type, at, valueLength));
            fingerprintSeen = type == AttributeType.FINGERPRINT;
            at += 4 + padded;
        }
        return new DecodeResult.Decoded(new StunMessage(bytes, u16(bytes, 0), classic, attributes));
    }

    static int u16(byte[] b, int offset) {
        return ((b[offset] & 0xFF) << 8) | (b[offset + 1] & 0xFF);
    }

    static int readInt(byte[] b, int offset) {
        return ((b[offset] & 0xFF) << 24) | ((b[offset + 1] & 0xFF) << 16) | ((b[offset + 2] & 0xFF) << 8)
                | (b[offset + 3] & 0xFF);
    }

    private static DecodeResult malformed(String reason) {
        return new DecodeResult.Malformed(reason);
    }
}
