package com.crosspoint.media.rtp;

import java.nio.ByteBuffer;

/**
 * Tells packets apart on a port shared by STUN, DTLS, RTP and RTCP, from the first two bytes only
 * (RFC 7983 §7, RFC 5761 §4). A classification is a routing hint, not validation: the chosen parser
 * still checks the rest.
 */
public final class PacketClassifier {
    /*
     *                 +----------------+
     *                 |        [0..3] -+--> STUN
     *                 |      [16..19] -+--> ZRTP
     *     packet -->  |      [20..63] -+--> DTLS
     *                 |      [64..79] -+--> TURN channel
     *                 |    [128..191] -+--> RTP/RTCP: second byte & 0x7F in 64..95 is RTCP
     *                 +----------------+
     */
    private static final int OFFSET_FIRST = 0;
    private static final int OFFSET_SECOND = 1;
    // RTCP packet types 192..223 read as an RTP marker + payload type 64..95 (RFC 5761 §4)
    private static final int RTCP_PT_LOW = 64;
    private static final int RTCP_PT_HIGH = 95;

    private PacketClassifier() {
    }

    /** Classifies the bytes from the buffer's position; the position is left alone. */
    public static PacketKind classify(ByteBuffer datagram) {
        int length = datagram.remaining();
        if (length < 1) {
            return PacketKind.UNKNOWN;
        }
        int first = datagram.get(datagram.position() + OFFSET_FIRST) & 0xFF;
        if (first <= 3) {
            return PacketKind.STUN;
        }
        if (first >= 16 && first <= 19) {
            return PacketKind.ZRTP;
        }
        if (first >= 20 && first <= 63) {
            return PacketKind.DTLS;
        }
        if (first >= 64 && first <= 79) {
            return PacketKind.TURN_CHANNEL;
        }
        if (first >= 128 && first <= 191 && length >= 2) {
            int payloadType = datagram.get(datagram.position() + OFFSET_SECOND) & 0x7F;
            return payloadType >= RTCP_PT_LOW && payloadType <= RTCP_PT_HIGH ? PacketKind.RTCP : PacketKind.RTP;
        }
        return PacketKind.UNKNOWN;
    }
}
