package com.crosspoint.relay.stun;

/**
 * The ChannelData message of TURN, RFC 8656 s12.4:
 *
 * <pre>
 * |         Channel Number        |            Length             |
 * /                       Application Data                        /
 * </pre>
 *
 * Channel numbers: RFC 8656 s12 allows 0x4000 to 0x4FFF, RFC 5766 (which it replaced) 0x4000 to 0x7FFF, and
 * clients built on the older one still draw from the whole range (coturn's own uclient binds 0x647e). This server
 * accepts RFC 5766's range: on a TURN port nothing else starts with 0x50-0x7F (RFC 7983 leaves those unassigned),
 * so the wider range costs nothing. Over UDP the data may be followed by padding; over TCP and TLS the message is
 * padded to a multiple of 4 bytes.
 */
public final class ChannelData {
    public static final int HEADER_BYTES = 4;
    public static final int MIN_CHANNEL = 0x4000;
    public static final int MAX_CHANNEL = 0x7FFF;

    private ChannelData() {
    }

    /** A first byte of 64..127: ChannelData on a TURN port (RFC 7983 names 64..79; see the range above). */
    public static boolean isChannelDataFirstByte(int firstByte) {
        int b = firstByte & 0xFF;
        return b >= 0x40 && b <= 0x7F;
    }

    public static boolean validChannel(int channel) {
        return channel >= MIN_CHANNEL && channel <= MAX_CHANNEL;
    }

    /** The channel number of a frame at {@code offset}; the caller checked that 4 bytes are there. */
    public static int channel(byte[] data, int offset) {
        return ((data[offset] & 0xFF) << 8) | (data[offset + 1] & 0xFF);
    }

    /** The application data length declared at {@code offset}. */
    public static int dataLength(byte[] data, int offset) {
        return ((data[offset + 2] & 0xFF) << 8) | (data[offset + 3] & 0xFF);
    }

    /**
     * Whether {@code available} bytes at {@code offset} hold a well-formed datagram's ChannelData: a valid channel and
     * a declared length that fits (s12.5: "If the ChannelData message is received in a UDP datagram, and if the UDP
     * datagram is too short to contain the claimed length of the ChannelData message ... then the message is
     * silently discarded").
     */
    public static boolean wellFormed(byte[] data, int offset, int available) {
        return available >= HEADER_BYTES && validChannel(channel(data, offset))
                && dataLength(data, offset) <= available - HEADER_BYTES;
    }

    /** On a stream, the length of the whole frame at {@code offset}, padding included, or -1 when not yet known. */
    public static int streamFrameLength(byte[] data, int offset, int available) {
        if (available < HEADER_BYTES) {
            return -1;
        }
        return HEADER_BYTES + ((dataLength(data, offset) + 3) & ~3);
    }

    /** Writes the header for {@code length} bytes of data on {@code channel} at {@code offset}. */
    public static void writeHeader(byte[] target, int offset, int channel, int length) {
        target[offset] = (byte) (channel >> 8);
        target[offset + 1] = (byte) channel;
        target[offset + 2] = (byte) (length >> 8);
        target[offset + 3] = (byte) length;
    }
}
