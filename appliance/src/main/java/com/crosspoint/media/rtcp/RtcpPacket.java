package com.crosspoint.media.rtcp;

/** One packet of an RTCP compound packet (RFC 3550 §6.4–6.6); the set the codec knows is closed. */
public sealed interface RtcpPacket permits SenderReport, ReceiverReport, SourceDescription, Goodbye,
        UnknownRtcpPacket {
    int SR = 200;
    int RR = 201;
    int SDES = 202;
    int BYE = 203;

    /** The PT field. */
    int packetType();
}
