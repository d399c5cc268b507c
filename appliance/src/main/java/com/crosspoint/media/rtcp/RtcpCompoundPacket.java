package com.crosspoint.media.rtcp;

import com.crosspoint.media.rtcp.MalformedRtcpException.Reason;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * An RTCP compound packet (RFC 3550 §6.1): RTCP packets back to back in one datagram, each with
 * the common header below. Parsing checks the A.2 framing rules (version 2, lengths adding up,
 * padding only in the last packet) but not "SR/RR first", so reduced-size RTCP (RFC 5506) parses.
 */
public record RtcpCompoundPacket(List<RtcpPacket> packets) {
    /*
     *  0                   1                   2                   3
     *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
     * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     * |V=2|P|   count |      PT       |  length (32-bit words - 1)    |
     * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     * |                    type-specific body ...                     |
     */
    public static final int VERSION = 2;
    static final int HEADER_LENGTH = 4;
    private static final int OFFSET_FLAGS = 0;
    private static final int OFFSET_TYPE = 1;
    private static final int OFFSET_LENGTH = 2;
    private static final int PADDING_BIT = 0x20;
    private static final int COUNT_MASK = 0x1F;

    public RtcpCompoundPacket {
        packets = List.copyOf(packets);
        if (packets.isEmpty()) {
            throw new IllegalArgumentException("a compound packet holds at least one packet");
        }
    }

    public static RtcpCompoundPacket of(RtcpPacket... packets) {
        return new RtcpCompoundPacket(List.of(packets));
    }

    /** Parses the bytes from the buffer's position to its limit; the position is left alone. */
    public static RtcpCompoundPacket parse(ByteBuffer datagram) throws MalformedRtcpException {
        ByteBuffer in = datagram.slice();
        int length = in.remaining();
        if (length == 0) {
            throw new MalformedRtcpException(Reason.EMPTY, "no bytes");
        }
        List<RtcpPacket> packets = new ArrayList<>();
        int offset = 0;
        while (offset < length) {
            if (length - offset < HEADER_LENGTH) {
                throw new MalformedRtcpException(Reason.TOO_SHORT, (length - offset) + " bytes left at " + offset);
            }
            int flags = in.get(offset + OFFSET_FLAGS) & 0xFF;
            if (flags >>> 6 != VERSION) {
                throw new MalformedRtcpException(Reason.BAD_VERSION, "version " + (flags >>> 6) + " at " + offset);
            }
            int packetType = in.get(offset + OFFSET_TYPE) & 0xFF;
            int packetLength = ((in.getShort(offset + OFFSET_LENGTH) & 0xFFFF) + 1) * 4;
            if (packetLength > length - offset) {
                throw new MalformedRtcpException(Reason.LENGTH_BEYOND_BUFFER, packetLength + " bytes at " + offset
                        + ", " + (length - offset) + " left");
            }
            int bodyLength = packetLength - HEADER_LENGTH;
            if ((flags & PADDING_BIT) != 0) {
                // only the last packet may be padded (A.2); the count includes itself
                int padding = in.get(offset + packetLength - 1) & 0xFF;
                if (offset + packetLength != length || padding == 0 || padding > bodyLength) {
                    throw new MalformedRtcpException(Reason.INVALID_PADDING, "padding " + padding + " at " + offset);
                }
                bodyLength -= padding;
            }
            ByteBuffer body = in.slice(offset + HEADER_LENGTH, bodyLength);
            packets.add(RtcpBodyCodec.read(packetType, flags & COUNT_MASK, body));
            offset += packetLength;
        }
        return new RtcpCompoundPacket(packets);
    }

    public int wireLength() {
        return packets.stream().mapToInt(packet -> HEADER_LENGTH + RtcpBodyCodec.bodyLength(packet)).sum();
    }

    /** Writes all packets at the buffer's position, advancing it; no padding is added. */
    public int writeTo(ByteBuffer out) {
        int length = wireLength();
        if (out.remaining() < length) {
            throw new BufferOverflowException();
        }
        for (RtcpPacket packet : packets) {
            int bodyLength = RtcpBodyCodec.bodyLength(packet);
            out.put((byte) (VERSION << 6 | RtcpBodyCodec.count(packet)));
            out.put((byte) packet.packetType());
            out.putShort((short) ((HEADER_LENGTH + bodyLength) / 4 - 1));
            RtcpBodyCodec.write(packet, out);
        }
        return length;
    }

    public byte[] toBytes() {
        byte[] bytes = new byte[wireLength()];
        writeTo(ByteBuffer.wrap(bytes));
        return bytes;
    }
}
