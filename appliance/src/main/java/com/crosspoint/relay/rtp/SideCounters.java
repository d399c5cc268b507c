package com.crosspoint.relay.rtp;

/**
 * The packet counters of one side. Every counter has one writer, the call's forwarding thread (both sides of a call
 * are on the same one), so a volatile increment is enough and readers on other threads see recent values without a
 * lock; nothing here allocates.
 */
final class SideCounters {
    volatile long rtpIn;
    volatile long rtpBytesIn;
    volatile long rtpOut;
    volatile long rtpBytesOut;
    volatile long rtcpIn;
    volatile long rtcpOut;
    volatile long foreignRtcp;
    volatile long garbage;
    volatile long malformed;
    volatile long unknownPayload;
    volatile long oversize;
    volatile long noTarget;
    volatile long sendFailures;

    // single writer: the read-modify-write of a volatile is safe here (see the class comment)
    @SuppressWarnings("NonAtomicOperationOnVolatileField")
    void rtpIn(int bytes) {
        rtpIn++;
        rtpBytesIn += bytes;
    }

    @SuppressWarnings("NonAtomicOperationOnVolatileField")
    void rtpOut(int bytes) {
        rtpOut++;
        rtpBytesOut += bytes;
    }

    SideStats.Traffic traffic() {
        return new SideStats.Traffic(rtpIn, rtpBytesIn, rtpOut, rtpBytesOut, rtcpIn, rtcpOut);
    }

    SideStats.Drops drops(long foreignSource) {
        return new SideStats.Drops(foreignSource, foreignRtcp, garbage, malformed, unknownPayload, oversize, noTarget,
                sendFailures);
    }
}
