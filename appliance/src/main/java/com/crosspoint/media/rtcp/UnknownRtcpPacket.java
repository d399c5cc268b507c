package com.crosspoint.media.rtcp;

import java.util.Arrays;

/**
 * A packet type this codec does not interpret (APP, RTPFB/PSFB feedback, XR, ...), kept as its
 * header count and body so a compound packet can be skipped through and re-written unchanged.
 *
 * @param count the 5-bit field after P (RC/SC/subtype)
 * @param body  everything after the 4-byte header, a multiple of 4 bytes
 */
public record UnknownRtcpPacket(int packetType, int count, byte[] body) implements RtcpPacket {

    public UnknownRtcpPacket {
        if (packetType < 0 || packetType > 0xFF || packetType == SR || packetType == RR || packetType == SDES
                || packetType == BYE) {
            throw new IllegalArgumentException("not an uninterpreted packet type: " + packetType);
        }
        if (count < 0 || count > 31) {
            throw new IllegalArgumentException("count must be 5 bits: " + count);
        }
        if (body.length % 4 != 0 || body.length / 4 > 0xFFFF) {
            throw new IllegalArgumentException("body must be whole 32-bit words");
        }
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UnknownRtcpPacket that && packetType == that.packetType && count == that.count
                && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * packetType + count) + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "UnknownRtcpPacket[pt=" + packetType + ", count=" + count + ", body=" + body.length + "B]";
    }
}
