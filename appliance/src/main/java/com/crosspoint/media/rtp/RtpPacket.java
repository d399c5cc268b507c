package com.crosspoint.media.rtp;

import com.crosspoint.media.rtp.MalformedRtpException.Reason;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One RTP packet (RFC 3550 §5.1), parsed from or written to bytes; no I/O here.
 *
 * @param marker         the M bit
 * @param payloadType    7 bits
 * @param sequenceNumber 16 bits, unsigned
 * @param timestamp      32 bits, unsigned, held in a long
 * @param ssrc           32 bits, unsigned, held in a long
 * @param csrcs          0..15 contributing sources, each 32 bits unsigned
 * @param extension      the header extension, or null when the X bit is clear
 * @param payload        the payload without padding (copied in and out: the record stays immutable)
 * @param paddingLength  0 for no padding (P clear), else 1..255 octets including the count octet
 */
public record RtpPacket(boolean marker, int payloadType, int sequenceNumber, long timestamp, long ssrc,
                        List<Long> csrcs, RtpHeaderExtension extension, byte[] payload, int paddingLength) {

    /*
     *  0                   1                   2                   3
     *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
     * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     * |V=2|P|X|  CC   |M|     PT      |       sequence number         |
     * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     * |                           timestamp                           |
     * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     * |           synchronization source (SSRC) identifier            |
     * +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
     * |            contributing source (CSRC) identifiers             |
     * |                             ....                              |
     * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     * |      defined by profile       |           length              |  (if X)
     * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     * |                        header extension                       |
     * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
     */
    public static final int VERSION = 2;
    public static final int FIXED_HEADER_LENGTH = 12;
    private static final int OFFSET_FLAGS = 0;
    private static final int OFFSET_MARKER_PT = 1;
    private static final int OFFSET_SEQUENCE = 2;
    private static final int OFFSET_TIMESTAMP = 4;
    private static final int OFFSET_SSRC = 8;
    private static final int OFFSET_CSRCS = 12;
    private static final int CSRC_LENGTH = 4;
    private static final int EXTENSION_HEADER_LENGTH = 4;
    private static final int EXTENSION_OFFSET_PROFILE = 0;
    private static final int EXTENSION_OFFSET_WORDS = 2;
    private static final int MAX_CSRCS = 15;
    private static final int PADDING_BIT = 0x20;
    private static final int EXTENSION_BIT = 0x10;
    private static final int CSRC_COUNT_MASK = 0x0F;
    private static final int MARKER_BIT = 0x80;
    private static final int PAYLOAD_TYPE_MASK = 0x7F;

    public RtpPacket {
        if (payloadType < 0 || payloadType > PAYLOAD_TYPE_MASK) {
            throw new IllegalArgumentException("payload type must be 7 bits: " + payloadType);
        }
        if (sequenceNumber < 0 || sequenceNumber > 0xFFFF) {
            throw new IllegalArgumentException("sequence number must be 16 bits: " + sequenceNumber);
        }
        requireUnsigned32(timestamp, "timestamp");
        requireUnsigned32(ssrc, "ssrc");
        csrcs = List.copyOf(csrcs);
        if (csrcs.size() > MAX_CSRCS) {
            throw new IllegalArgumentException("at most 15 CSRCs: " + csrcs.size());
        }
        csrcs.forEach(csrc -> requireUnsigned32(csrc, "csrc"));
        payload = payload.clone();
        if (paddingLength < 0 || paddingLength > 0xFF) {
            throw new IllegalArgumentException("padding length must be 0..255: " + paddingLength);
        }
    }

    /** A plain packet: no CSRCs, no extension, no padding. */
    public static RtpPacket of(boolean marker, int payloadType, int sequenceNumber, long timestamp, long ssrc,
                               byte[] payload) {
        return new RtpPacket(marker, payloadType, sequenceNumber, timestamp, ssrc, List.of(), null, payload, 0);
    }

    /**
     * Parses the bytes from the buffer's position to its limit as one packet (one datagram). The
     * buffer's position is left alone.
     */
    public static RtpPacket parse(ByteBuffer datagram) throws MalformedRtpException {
        ByteBuffer in = datagram.slice();
        int length = in.remaining();
        if (length < FIXED_HEADER_LENGTH) {
            throw new MalformedRtpException(Reason.TOO_SHORT, length + " bytes, the fixed header is 12");
        }
        int flags = in.get(OFFSET_FLAGS) & 0xFF;
        int version = flags >>> 6;
        if (version != VERSION) {
            throw new MalformedRtpException(Reason.BAD_VERSION, "version " + version);
        }
        int csrcCount = flags & CSRC_COUNT_MASK;
        int headerEnd = OFFSET_CSRCS + csrcCount * CSRC_LENGTH;
        if (headerEnd > length) {
            throw new MalformedRtpException(Reason.CSRC_BEYOND_LENGTH, csrcCount + " CSRCs need " + headerEnd
                    + " bytes, have " + length);
        }
        List<Long> csrcs = new ArrayList<>(csrcCount);
        for (int i = 0; i < csrcCount; i++) {
            csrcs.add(Integer.toUnsignedLong(in.getInt(OFFSET_CSRCS + i * CSRC_LENGTH)));
        }
        RtpHeaderExtension extension = null;
        if ((flags & EXTENSION_BIT) != 0) {
            if (headerEnd + EXTENSION_HEADER_LENGTH > length) {
                throw new MalformedRtpException(Reason.EXTENSION_BEYOND_LENGTH, "no room for the extension header");
            }
            int profile = in.getShort(headerEnd + EXTENSION_OFFSET_PROFILE) & 0xFFFF;
            int words = in.getShort(headerEnd + EXTENSION_OFFSET_WORDS) & 0xFFFF;
            int dataStart = headerEnd + EXTENSION_HEADER_LENGTH;
            if (dataStart + words * 4 > length) {
                throw new MalformedRtpException(Reason.EXTENSION_BEYOND_LENGTH, words + " extension words, "
                        + (length - dataStart) + " bytes left");
            }
            extension = new RtpHeaderExtension(profile, copy(in, dataStart, words * 4));
            headerEnd = dataStart + words * 4;
        }
        int paddingLength = 0;
        if ((flags & PADDING_BIT) != 0) {
            // the last octet counts the padding, itself included, so 0 or more than the body is a lie
            paddingLength = length > headerEnd ? in.get(length - 1) & 0xFF : 0;
            if (paddingLength == 0 || paddingLength > length - headerEnd) {
                throw new MalformedRtpException(Reason.INVALID_PADDING, "padding count " + paddingLength + " with "
                        + (length - headerEnd) + " bytes after the header");
            }
        }
        int markerAndType = in.get(OFFSET_MARKER_PT) & 0xFF;
        return new RtpPacket((markerAndType & MARKER_BIT) != 0, markerAndType & PAYLOAD_TYPE_MASK,
                in.getShort(OFFSET_SEQUENCE) & 0xFFFF, Integer.toUnsignedLong(in.getInt(OFFSET_TIMESTAMP)),
                Integer.toUnsignedLong(in.getInt(OFFSET_SSRC)), csrcs, extension,
                copy(in, headerEnd, length - headerEnd - paddingLength), paddingLength);
    }

    /** Bytes this packet takes on the wire. */
    public int wireLength() {
        return FIXED_HEADER_LENGTH + csrcs.size() * CSRC_LENGTH + (extension == null ? 0 : extension.wireLength())
                + payload.length + paddingLength;
    }

    /**
     * Writes the packet at the buffer's position and advances it.
     *
     * @return the number of bytes written
     * @throws BufferOverflowException when the buffer has less than {@link #wireLength()} remaining
     */
    public int writeTo(ByteBuffer out) {
        int length = wireLength();
        if (out.remaining() < length) {
            throw new BufferOverflowException();
        }
        int flags = VERSION << 6 | (paddingLength > 0 ? PADDING_BIT : 0) | (extension != null ? EXTENSION_BIT : 0)
                | csrcs.size();
        out.put((byte) flags);
        out.put((byte) ((marker ? MARKER_BIT : 0) | payloadType));
        out.putShort((short) sequenceNumber);
        out.putInt((int) timestamp);
        out.putInt((int) ssrc);
        for (long csrc : csrcs) {
            out.putInt((int) csrc);
        }
        if (extension != null) {
            out.putShort((short) extension.profile());
            out.putShort((short) (extension.wireLength() / 4 - 1));
            out.put(extension.data());
        }
        out.put(payload);
        if (paddingLength > 0) {
            out.put(new byte[paddingLength - 1]);
            out.put((byte) paddingLength);
        }
        return length;
    }

    public byte[] toBytes() {
        byte[] bytes = new byte[wireLength()];
        writeTo(ByteBuffer.wrap(bytes));
        return bytes;
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** The payload without copying; read-only. */
    public ByteBuffer payloadBuffer() {
        return ByteBuffer.wrap(payload).asReadOnlyBuffer();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RtpPacket that && marker == that.marker && payloadType == that.payloadType
                && sequenceNumber == that.sequenceNumber && timestamp == that.timestamp && ssrc == that.ssrc
                && csrcs.equals(that.csrcs) && java.util.Objects.equals(extension, that.extension)
                && Arrays.equals(payload, that.payload) && paddingLength == that.paddingLength;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(marker, payloadType, sequenceNumber, timestamp, ssrc, csrcs, extension,
                Arrays.hashCode(payload), paddingLength);
    }

    @Override
    public String toString() {
        return "RtpPacket[pt=" + payloadType + ", seq=" + sequenceNumber + ", ts=" + timestamp + ", ssrc=0x"
                + Long.toHexString(ssrc) + ", m=" + marker + ", csrcs=" + csrcs.size() + ", ext=" + (extension != null)
                + ", payload=" + payload.length + "B, padding=" + paddingLength + "]";
    }

    private static byte[] copy(ByteBuffer in, int offset, int length) {
        byte[] bytes = new byte[length];
        in.get(offset, bytes);
        return bytes;
    }

    static void requireUnsigned32(long value, String name) {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(name + " must be 32 bits unsigned: " + value);
        }
    }
}
