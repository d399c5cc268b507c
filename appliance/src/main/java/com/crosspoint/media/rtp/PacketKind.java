package com.crosspoint.media.rtp;

/** What arrived on a multiplexed media port (RFC 7983 first-byte ranges, RFC 5761 RTP/RTCP split). */
public enum PacketKind {
    STUN,
    ZRTP,
    DTLS,
    TURN_CHANNEL,
    RTP,
    RTCP,
    UNKNOWN
}
