package com.crosspoint.media.engine;

import com.crosspoint.media.rtp.MalformedRtpException;
import com.crosspoint.media.rtp.RtpPacket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * The RTP packet being received, read into reused fields: the header in place from the datagram, the payload
 * copied once into a reused array. Packets with padding, an extension or CSRCs go through the full parser
 * ({@link RtpPacket#parse}) for validation. One per receiver, used by its receive thread only; whoever it is
 * handed to must not keep it, its payload array or its datagram beyond that call.
 */
public final class ReceivedRtp {
    /** Larger than anything we negotiate, and than the engine's receive buffer. */
    public static final int MAX_PAYLOAD = 2048;
    private static final long MASK32 = 0xFFFF_FFFFL;

    /** How reading a datagram went. */
    public enum Read { OK, MALFORMED, TOO_LARGE }

    private final byte[] payloadBuffer = new byte[MAX_PAYLOAD];
    private ByteBuffer datagram;
    private InetSocketAddress source;
    private long arrivalNanos;
    private boolean marker;
    private int payloadType;
    private int sequence;
    private long timestamp;
    private long ssrc;
    private byte[] payload = payloadBuffer;
    private int payloadLength;

    /**
     * Reads the datagram (position to limit, which are left alone) as this packet.
     *
     * @return {@link Read#MALFORMED} when it does not parse, {@link Read#TOO_LARGE} when its payload exceeds
     *         {@link #MAX_PAYLOAD}; the fields are undefined then
     */
    public Read read(ByteBuffer bytes, InetSocketAddress from, long arrival) {
        datagram = bytes;
        source = from;
        arrivalNanos = arrival;
        int length = bytes.remaining();
        int at = bytes.position();
        int flags = length >= RtpPacket.FIXED_HEADER_LENGTH ? bytes.get(at) & 0xFF : 0;
        if (length >= RtpPacket.FIXED_HEADER_LENGTH && flags == RtpPacket.VERSION << 6) {
            int second = bytes.get(at + 1) & 0xFF;
            marker = (second & 0x80) != 0;
            payloadType = second & 0x7F;
            sequence = bytes.getShort(at + 2) & 0xFFFF;
            timestamp = bytes.getInt(at + 4) & MASK32;
            ssrc = bytes.getInt(at + 8) & MASK32;
            payloadLength = length - RtpPacket.FIXED_HEADER_LENGTH;
            if (payloadLength > MAX_PAYLOAD) {
                return Read.TOO_LARGE;
            }
            bytes.get(at + RtpPacket.FIXED_HEADER_LENGTH, payloadBuffer, 0, payloadLength);
            payload = payloadBuffer;
            return Read.OK;
        }
        RtpPacket packet;
        try {
            packet = RtpPacket.parse(bytes);
        } catch (MalformedRtpException e) {
            return Read.MALFORMED;
        }
        marker = packet.marker();
        payloadType = packet.payloadType();
        sequence = packet.sequenceNumber();
        timestamp = packet.timestamp();
        ssrc = packet.ssrc();
        payload = packet.payload();
        payloadLength = payload.length;
        return Read.OK;
    }

    /** The whole datagram, position to limit, as received: what a relay forwards. */
    public ByteBuffer datagram() {
        return datagram;
    }

    public InetSocketAddress source() {
        return source;
    }

    public long arrivalNanos() {
        return arrivalNanos;
    }

    public boolean marker() {
        return marker;
    }

    public int payloadType() {
        return payloadType;
    }

    public int sequence() {
        return sequence;
    }

    public long timestamp() {
        return timestamp;
    }

    public long ssrc() {
        return ssrc;
    }

    /** The payload is {@code payloadLength()} bytes from index 0 of this array; not a copy. */
    public byte[] payload() {
        return payload;
    }

    public int payloadLength() {
        return payloadLength;
    }
}
